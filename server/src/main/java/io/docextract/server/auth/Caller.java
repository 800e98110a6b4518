package io.docextract.server.auth;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import java.util.Set;

/**
 * Who is making a request: the authenticated key, its organization and its mode. The key's own
 * request limits (null: none beyond the organization's) come along for the rate limiter.
 */
public record Caller(
        Organization organization,
        String keyId,
        boolean testMode,
        Set<Scope> scopes,
        Integer keyRequestsPerMinute,
        Integer keyRequestsPerHour) {

    public Caller(Organization organization, String keyId, boolean testMode, Set<Scope> scopes) {
        this(organization, keyId, testMode, scopes, null, null);
    }

    public String orgId() {
        return organization.id();
    }

    /** @throws ApiException {@code insufficient_scope} when the key lacks the scope */
    public void require(Scope scope) {
        if (!scopes.contains(scope)) {
            throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE, "This API key lacks the scope " + scope.value() + ".");
        }
    }
}
