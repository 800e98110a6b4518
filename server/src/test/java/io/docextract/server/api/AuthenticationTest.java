package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import io.docextract.server.auth.IssuedKey;
import io.docextract.server.auth.Scope;
import io.docextract.server.ratelimit.RateLimitDecision;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends ServerTestSupport {

    @Test
    void missingHeaderIs401MissingAuthorization() {
        Response response = get(null, "/v1/extractors");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("missing_authorization");
        assertThat(response.header("X-Request-Id")).startsWith("req_");
        assertThat(response.json().path("error").path("request_id").asString())
                .isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void unknownMalformedAndRevokedKeysAre401InvalidApiKey() {
        Tenant tenant = newTenant();
        IssuedKey revoked = access.issueKey(tenant.orgId(), "to revoke", false, Scope.all());
        access.revokeKey(tenant.orgId(), revoked.key().id());

        for (String key : new String[] {"sk_live_doesnotexist0000000000000000", "not-a-key", revoked.secret()}) {
            Response response = get(key, "/v1/extractors");
            assertThat(response.status()).as(key).isEqualTo(401);
            assertThat(response.errorCode()).as(key).isEqualTo("invalid_api_key");
        }
    }

    @Test
    void changesToAKeyOrItsOrganizationApplyToItsNextRequest() {
        // Each key is used first, so that its caller is remembered when the change comes.
        Tenant tenant = newTenant();
        IssuedKey doomed = access.issueKey(tenant.orgId(), "to revoke", false, Scope.all());
        assertThat(get(doomed.secret(), "/v1/extractors").status()).isEqualTo(200);
        Response revoked = delete(tenant.liveKey(), "/v1/keys/" + doomed.key().id());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(get(doomed.secret(), "/v1/extractors").status()).isEqualTo(401);

        assertThat(get(tenant.liveKey(), "/v1/extractors").header("X-RateLimit-Limit"))
                .isEqualTo(Long.toString(RateLimitDecision.UNLIMITED));
        Response limited = patch(
                ADMIN_TOKEN,
                "/admin/v1/organizations/" + tenant.orgId(),
                Map.of("plan", "free", "requests_per_minute", 1000));
        assertThat(limited.status()).as(limited.text()).isEqualTo(200);
        assertThat(get(tenant.liveKey(), "/v1/extractors").header("X-RateLimit-Limit"))
                .isEqualTo("1000");

        IssuedKey capped = access.issueKey(tenant.orgId(), "capped", false, Scope.all());
        assertThat(get(capped.secret(), "/v1/extractors").header("X-RateLimit-Limit"))
                .isEqualTo("1000");
        Response keyLimit = patch(
                ADMIN_TOKEN,
                "/admin/v1/organizations/" + tenant.orgId() + "/keys/"
                        + capped.key().id(),
                Map.of("requests_per_minute", 500));
        assertThat(keyLimit.status()).as(keyLimit.text()).isEqualTo(200);
        assertThat(get(capped.secret(), "/v1/extractors").header("X-RateLimit-Limit"))
                .isEqualTo("500");
    }

    @Test
    void unknownPathIsEnvelope404() {
        Response response = get(newTenant().liveKey(), "/v1/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    @Test
    void keyWithoutScopeIs403() {
        Tenant tenant = newTenant();
        IssuedKey readOnly = access.issueKey(tenant.orgId(), "read only", false, Set.of(Scope.DOCUMENTS_READ));
        assertThat(readOnly.secret()).startsWith("sk_live_");
        // The scope check itself is exercised by each resource's tests; here the key authenticates.
        assertThat(access.authenticate(readOnly.secret()).scopes()).containsExactly(Scope.DOCUMENTS_READ);
    }
}
