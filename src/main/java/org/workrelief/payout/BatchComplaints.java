package org.workrelief.payout;

import java.util.List;

import org.workrelief.account.SignedInUser;

/**
 * What payout asks of the complaints (维权/诉求) about a batch, provided by the complaint module: this
 * module names only this interface, so the dependency goes one way (complaints know payouts, not the
 * reverse). An objection during the notice is a complaint on the batch, or on one of its lines. What
 * the release gate asks is {@link OpenComplaints}.
 */
public interface BatchComplaints {

    /** One complaint on a batch, as the batch page lists it. */
    record Concern(long id, String number, Long lineId, String raisedBy, String kind, String content, String status,
            boolean open, String answer, String answeredBy, long version) {
    }

    /** The batch's complaints, oldest first, for a batch the caller has already checked the viewer may see. */
    List<Concern> of(long batchId);

    /** Records an objection raised during the notice as a complaint on the batch ({@code lineId}: on one line). */
    long recordObjection(SignedInUser actor, long batchId, Long lineId, String kind, String raisedBy, String content);

    /**
     * Settles a complaint on the batch with what was found; with {@code recompute} its line is computed
     * again from approved attendance.
     */
    void resolve(SignedInUser actor, long complaintId, String answer, boolean recompute, long version);
}
