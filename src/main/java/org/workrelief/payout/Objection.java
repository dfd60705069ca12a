package org.workrelief.payout;

import java.time.Instant;

/** 异议: a villager's objection to a publicized batch (or one line of it), recorded by staff. */
public record Objection(long id, long batchId, Long lineId, String raisedBy, String content, boolean open,
        String resolution, String resolvedBy, Instant resolvedAt, Instant recordedAt, String recordedBy, long version) {
}
