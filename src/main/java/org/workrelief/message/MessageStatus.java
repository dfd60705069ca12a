package org.workrelief.message;

/**
 * PENDING: not tried yet (or no provider configured); FAILED: the last attempt failed, another is
 * due at the message's next attempt time; GAVE_UP: every attempt failed (or the provider refused
 * for good), only a clerk can deliver it now; SENT: the provider accepted it, or a clerk sent it by hand.
 */
public enum MessageStatus {
    PENDING, FAILED, GAVE_UP, SENT
}
