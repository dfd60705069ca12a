package org.workrelief.attendance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One sign-in as it arrives. The worker is named by exactly one of worker code (terminals, cards),
 * worker id (roll call) or ID number (imported terminal exports).
 */
public record PunchRequest(long projectId, String workerCode, Long workerId, String idNumber, Instant punchedAt,
        PunchSource source, String deviceId, String recordedBy, BigDecimal latitude, BigDecimal longitude) {

    public static PunchRequest byWorkerCode(long projectId, String workerCode, Instant punchedAt, PunchSource source,
            String deviceId, String recordedBy, BigDecimal latitude, BigDecimal longitude) {
        return new PunchRequest(projectId, workerCode, null, null, punchedAt, source, deviceId, recordedBy, latitude,
                longitude);
    }

    public static PunchRequest byWorkerId(long projectId, long workerId, Instant punchedAt, PunchSource source,
            String recordedBy) {
        return new PunchRequest(projectId, null, workerId, null, punchedAt, source, null, recordedBy, null, null);
    }
}
