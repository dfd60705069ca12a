package org.workrelief.backup;

/** A restore that did not start: the database or the archive is not fit, and nothing was changed. The message says why. */
public class RestoreRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RestoreRefusedException(String message) {
        super(message);
    }
}
