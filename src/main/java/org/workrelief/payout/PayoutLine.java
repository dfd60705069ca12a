package org.workrelief.payout;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 发放明细: one worker's approved days, day rate and amount in a batch, and what the bank said. */
public record PayoutLine(long id, long batchId, long workerId, String workerCode, String workerName, String idMasked,
        long teamId, String teamName, int fullDays, int halfDays, BigDecimal days, BigDecimal dayRate,
        BigDecimal amountDue, BigDecimal deduction, String deductionReason, BigDecimal amountPayable, LineStatus status,
        String bankName, String bankCardMasked, String bankReason, LocalDate paidOn, Long reissuedIn, int confirmations,
        String evidence, long version) {

    /**
     * How each of its confirmations was given, in slot order: {@code PIN}, {@code SHEET} (on an attested
     * sheet), {@code SHEET_AWAITING} (on a sheet not yet attested) or {@code TYPED}; shown as
     * {@code payout.evidence.<code>}. {@link #confirmations} counts the ones the release gate counts.
     */
    public java.util.List<String> evidenceCodes() {
        return evidence == null || evidence.isEmpty() ? java.util.List.of() : java.util.List.of(evidence.split(","));
    }

    public boolean confirmed() {
        return confirmations >= ReleaseGate.WITNESSES_PER_LINE;
    }
}
