package org.workrelief.common;

import org.springframework.dao.DataIntegrityViolationException;

/** Tells which database constraint a failed write broke, so only that one is turned into a rule message. */
public final class Constraints {

    private Constraints() {
    }

    public static boolean violated(DataIntegrityViolationException e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
