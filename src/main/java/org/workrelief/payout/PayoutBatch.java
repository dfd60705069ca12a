package org.workrelief.payout;

import java.time.Instant;
import java.time.LocalDate;

/** 劳务报酬发放批次: one project's wages for one period inside a month. */
public record PayoutBatch(long id, long projectId, LocalDate periodFrom, LocalDate periodTo, BatchStatus status,
        Long reissueOf, String preparedBy, String noticeToken, Instant publicizedAt, Instant noticeUntil,
        String approvedBy, Instant approvedAt, String releasedBy, Instant releasedAt, Instant settledAt, long version) {

    public boolean followUp() {
        return reissueOf != null;
    }

    /** Lines may still change (deductions, corrections, confirmations) until approval. */
    public boolean editable() {
        return status == BatchStatus.DRAFT || status == BatchStatus.PUBLICIZED;
    }
}
