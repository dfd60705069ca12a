package org.workrelief.attendance;

import java.time.Instant;

/** An attendance terminal's access: which project, its name, when last used, whether revoked. */
public record DeviceToken(long id, long projectId, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
