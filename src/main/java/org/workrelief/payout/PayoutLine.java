package org.workrelief.payout;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 发放明细: one worker's approved days, day rate and amount in a batch, and what the bank said. */
public record PayoutLine(long id, long batchId, long workerId, String workerCode, String workerName, String idMasked,
        long teamId, String teamName, int fullDays, int halfDays, BigDecimal days, BigDecimal dayRate,
        BigDecimal amountDue, BigDecimal deduction, String deductionReason, BigDecimal amountPayable, LineStatus status,
        String bankName, String bankCardMasked, String bankReason, LocalDate paidOn, Long reissuedIn, int confirmations,
        long version) {

    public boolean confirmed() {
        return confirmations >= ReleaseGate.WITNESSES_PER_LINE;
    }
}
