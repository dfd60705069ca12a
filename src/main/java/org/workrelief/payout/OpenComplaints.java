package org.workrelief.payout;

/**
 * What the release gate asks of the complaints (维权/诉求) about a batch, provided by the complaint module
 * (so the dependency goes one way): an open complaint on a batch or its line holds approval and release.
 */
public interface OpenComplaints {

    /** How many complaints on the batch or its lines are still open (not 已办结 nor 已驳回). */
    int openOn(long batchId);

    /** Whether this user recorded or answered a complaint on the batch (then they had a hand in its figures). */
    boolean handledBy(long batchId, String username);
}
