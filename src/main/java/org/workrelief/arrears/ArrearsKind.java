package org.workrelief.arrears;

import java.util.EnumSet;
import java.util.Set;

import org.workrelief.account.Role;

/**
 * The four warnings, each with who must act on it (shown on their home page); every administrator
 * sees them all.
 */
public enum ArrearsKind {
    /** Approved days not paid more than 30 days after their month ended: staff prepare, finance pays. */
    UNPAID_DAYS(EnumSet.of(Role.ADMIN, Role.STAFF, Role.FINANCE)),
    /** A month with worked days and no batch by the 10th of the next month: staff prepare the batch. */
    NO_BATCH(EnumSet.of(Role.ADMIN, Role.STAFF)),
    /** Lines the bank returned and not re-issued within 7 days: staff re-issue once the card is corrected. */
    FAILED_NOT_REISSUED(EnumSet.of(Role.ADMIN, Role.STAFF, Role.FINANCE)),
    /** Batches released and without the bank's results after 5 days: finance imports them. */
    NO_BANK_RESULTS(EnumSet.of(Role.ADMIN, Role.FINANCE));

    private final Set<Role> actors;

    ArrearsKind(Set<Role> actors) {
        this.actors = actors;
    }

    public boolean actedOnBy(Role role) {
        return actors.contains(role);
    }
}
