package org.workrelief.attendance;

import java.time.Instant;

/** An attendance terminal's access: which project, its name, when last used, whether revoked. */
public record DeviceToken(long id, long projectId, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    /** The same token, last used at that moment. */
    public DeviceToken usedAt(Instant moment) {
        return new DeviceToken(id, projectId, name, createdAt, moment, revokedAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
