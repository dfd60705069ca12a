package org.workrelief.message;

import java.time.Instant;

/** One message of the outbox as the staff page shows it: to whom, what, and how far its sending got. */
public record OutboxMessage(long id, String eventKey, long workerId, String workerCode, String workerName, String phone,
        String body, MessageStatus status, int attempts, Instant nextAttemptAt, Instant sentAt, String sentByHand,
        String lastAnswer, Instant createdAt, long version) {

    /** Still to be delivered: a clerk may send it by hand. */
    public boolean open() {
        return status != MessageStatus.SENT;
    }
}
