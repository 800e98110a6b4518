package io.docextract.server.auth;

import java.time.Instant;
import java.util.Set;

/** A stored API key: never the secret, only its hash and a hint of its last characters. */
public record ApiKey(
        String id,
        String orgId,
        String name,
        String displayHint,
        boolean testMode,
        Set<Scope> scopes,
        Instant createdAt,
        Instant revokedAt,
        Instant lastUsedAt) {}
