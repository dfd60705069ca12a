package org.workrelief.payout;

import java.time.Instant;

/** 互证签字确认: a co-worker's signed statement that a payout line is true, copied from the paper sheet. */
public record Confirmation(long id, long lineId, int slot, long witnessId, String witnessCode, String witnessName,
        String sheetRef, String recordedBy, Instant recordedAt) {
}
