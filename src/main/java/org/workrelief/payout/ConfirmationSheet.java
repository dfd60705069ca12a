package org.workrelief.payout;

import java.time.Instant;

/**
 * 互证签字表: the uploaded scan of one team's signed confirmation sheet in a batch. Confirmations recorded
 * against it count once a committee member who neither uploaded it nor recorded from it attested it
 * (核对签字表); after that no more are recorded against it.
 */
public record ConfirmationSheet(long id, long batchId, long teamId, String teamName, String fileName,
        String contentType, int sizeBytes, String sha256, String uploadedBy, Instant uploadedAt, String attestedBy,
        Instant attestedAt, int confirmations, long version) {

    public boolean attested() {
        return attestedAt != null;
    }

    public boolean pdf() {
        return "application/pdf".equals(contentType);
    }

    /** The first twelve hex digits, enough to tell files apart on screen (the whole one is on the sheet's page). */
    public String shortSha() {
        return sha256.substring(0, 12);
    }
}
