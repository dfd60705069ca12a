package org.workrelief.training;

/** A worker who attended a session, with the certificate number when one was issued. */
public record Attendee(long id, long workerId, String workerCode, String name, String idMasked, String certificateNo) {
}
