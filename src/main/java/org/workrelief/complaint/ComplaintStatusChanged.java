package org.workrelief.complaint;

/**
 * Published when a complaint is accepted or moves on (after the change is written, in its transaction):
 * for whoever tells the worker (the SMS outbox), who listens after commit. {@code workerId} is null for
 * an objection raised by someone not on the roster.
 */
public record ComplaintStatusChanged(long complaintId, String number, Long workerId, ComplaintStatus status) {
}
