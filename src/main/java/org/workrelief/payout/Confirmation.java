package org.workrelief.payout;

import java.time.Instant;

import org.workrelief.payout.ConfirmationService.Method;

/**
 * 互证确认: a co-worker's statement that a payout line is true, and how it was given: with their own PIN,
 * or on the signed sheet {@code sheetId} (counting once the sheet is {@code attested}), or typed from a
 * sheet reference before evidence was required ({@code sheetRef}; never counted).
 */
public record Confirmation(long id, long lineId, int slot, long witnessId, String witnessCode, String witnessName,
        Method method, Long sheetId, boolean attested, String sheetRef, String recordedBy, Instant recordedAt) {

    /** Whether the {@link ReleaseGate} counts it (the same condition as {@link ReleaseGate#COUNTS}). */
    public boolean counts() {
        return method == Method.PIN || method == Method.SHEET && attested;
    }

    /** On a sheet still waiting for the committee's check. */
    public boolean awaitingAttestation() {
        return method == Method.SHEET && !attested;
    }
}
