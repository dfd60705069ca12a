package org.workrelief.complaint;

import java.time.Instant;
import java.time.LocalDate;

/** 维权/诉求: one complaint as stored. {@code raisedBy} is the worker's name, or whoever raised an objection. */
public record Complaint(long id, String number, long townId, Long workerId, String raisedBy, String contact,
        ComplaintChannel channel, ComplaintKind kind, Long projectId, Long batchId, Long lineId, LocalDate workDate,
        String content, ComplaintStatus status, String owner, LocalDate acceptedOn, LocalDate deadline, String answer,
        String answeredBy, Instant answeredAt, Instant createdAt, String createdBy, long version) {

    public boolean open() {
        return status.open();
    }

    /** Still open after its deadline day. */
    public boolean overdueOn(LocalDate today) {
        return open() && today.isAfter(deadline);
    }
}
