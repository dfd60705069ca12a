package org.workrelief.attendance;

import org.workrelief.common.BusinessRuleException;

/** A sign-in broke a rule; carries the stable code. */
public class PunchRefusedException extends BusinessRuleException {

    private final Refusal refusal;

    public PunchRefusedException(Refusal refusal) {
        super(refusal.messageKey());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
