package org.workrelief.complaint;

import java.time.Instant;

/** One move in a complaint's history: the status it went to, the note given, who owned it, who and when. */
public record ComplaintStep(ComplaintStatus status, String note, String owner, Instant at, String by) {
}
