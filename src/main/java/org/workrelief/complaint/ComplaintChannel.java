package org.workrelief.complaint;

/** How a complaint came in: by phone, in person, as an objection to a payout notice, or self-service. */
public enum ComplaintChannel {
    PHONE, IN_PERSON, NOTICE, SELF_SERVICE;

    public String labelKey() {
        return "complaint.channel." + name();
    }
}
