package io.docextract.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.docextract.server.auth.ApiKey;
import io.docextract.server.auth.IssuedKey;
import io.docextract.server.auth.Scope;
import java.time.Instant;
import java.util.List;

/** An API key as the API shows it; {@code secret} appears only in the answer to its creation. */
public record KeyResponse(
        String id,
        String orgId,
        String name,
        String mode,
        List<String> scopes,
        String displayHint,
        Integer requestsPerMinute,
        Integer requestsPerHour,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        Instant createdAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    static KeyResponse of(ApiKey key) {
        return of(key, null);
    }

    static KeyResponse of(IssuedKey issued) {
        return of(issued.key(), issued.secret());
    }

    private static KeyResponse of(ApiKey key, String secret) {
        return new KeyResponse(
                key.id(),
                key.orgId(),
                key.name(),
                key.testMode() ? "test" : "live",
                key.scopes().stream().sorted().map(Scope::value).toList(),
                key.displayHint(),
                key.requestsPerMinute(),
                key.requestsPerHour(),
                secret,
                key.createdAt(),
                key.revokedAt(),
                key.lastUsedAt());
    }
}
