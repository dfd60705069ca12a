package org.workrelief.common.crypto;

import jakarta.persistence.Embeddable;

/**
 * A sensitive number as it is stored: AES-GCM cipher text, a keyed hash for uniqueness and exact
 * search, and the masked form shown on screens. The plain number is never stored.
 */
@Embeddable
public record ProtectedNumber(String cipher, String hash, String masked) {
}
