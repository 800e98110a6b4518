package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import io.docextract.server.auth.IssuedKey;
import io.docextract.server.auth.Scope;
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
