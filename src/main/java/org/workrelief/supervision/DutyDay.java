package org.workrelief.supervision;

import java.time.LocalDate;
import java.util.List;

/** One day of the duty roster: who is on duty and how far the day's review has come (null: not opened). */
public record DutyDay(LocalDate day, List<CommitteeMember> members, ReviewStatus review) {

    public boolean onDuty(long userId) {
        return members.stream().anyMatch(m -> m.userId() == userId);
    }
}
