package io.docextract.server.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A stored API key: never the secret, only its hash and a hint of its last characters. The
 * request limits are the key's own, on top of its organization's; null means none of its own.
 */
public record ApiKey(
        String id,
        String orgId,
        String name,
        String displayHint,
        boolean testMode,
        Set<Scope> scopes,
        Instant createdAt,
        Instant revokedAt,
        Instant lastUsedAt,
        Integer requestsPerMinute,
        Integer requestsPerHour) {

    public ApiKey(
            String id,
            String orgId,
            String name,
            String displayHint,
            boolean testMode,
            Set<Scope> scopes,
            Instant createdAt,
            Instant revokedAt,
            Instant lastUsedAt) {
        this(id, orgId, name, displayHint, testMode, scopes, createdAt, revokedAt, lastUsedAt, null, null);
    }
}
