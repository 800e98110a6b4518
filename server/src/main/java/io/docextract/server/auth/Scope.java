package io.docextract.server.auth;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What an API key may do. A new key gets every scope unless restricted. */
public enum Scope {
    DOCUMENTS_READ("documents:read"),
    DOCUMENTS_WRITE("documents:write"),
    EXTRACTORS_READ("extractors:read"),
    EXTRACTORS_WRITE("extractors:write"),
    CREDITS_READ("credits:read"),
    WEBHOOKS_READ("webhooks:read"),
    WEBHOOKS_WRITE("webhooks:write"),
    KEYS_WRITE("keys:write");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Scope> fromValue(String value) {
        for (Scope scope : values()) {
            if (scope.value.equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }
}
