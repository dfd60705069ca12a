package org.workrelief.complaint;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workrelief.account.SignedInUser;
import org.workrelief.payout.BatchComplaints;

/** Payout's view of the complaints on a batch: an open one holds approval and release. */
@Component
class BatchComplaintsAdapter implements BatchComplaints {

    private final ComplaintService complaints;

    BatchComplaintsAdapter(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Concern> of(long batchId) {
        return complaints.onBatch(batchId).stream()
                .map(c -> new Concern(c.id(), c.number(), c.lineId(), c.raisedBy(), c.kind().labelKey(), c.content(),
                        c.status().labelKey(), c.open(), c.answer(), c.answeredBy(), c.version()))
                .toList();
    }

    @Override
    public long recordObjection(SignedInUser actor, long batchId, Long lineId, String kind, String raisedBy,
            String content) {
        return complaints.recordObjection(actor, batchId, lineId, ComplaintKind.parse(kind), raisedBy, content);
    }

    @Override
    public void resolve(SignedInUser actor, long complaintId, String answer, boolean recompute, long version) {
        complaints.resolveOnBatch(actor, complaintId, answer, recompute, version);
    }
}
