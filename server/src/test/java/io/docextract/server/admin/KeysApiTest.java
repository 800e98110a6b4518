package io.docextract.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import io.docextract.server.auth.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KeysApiTest extends ServerTestSupport {

    @Test
    void anOrganizationManagesItsOwnKeys() {
        Tenant tenant = newTenant();
        Response created =
                post(tenant.liveKey(), "/v1/keys", Map.of("name", "ci", "scopes", List.of("documents:read")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode key = created.json();
        String secret = key.path("secret").asString();
        assertThat(secret).startsWith("sk_live_");
        assertThat(key.path("display_hint").asString())
                .startsWith("sk_live_")
                .endsWith(secret.substring(secret.length() - 4));
        assertThat(access.authenticate(secret).scopes()).containsExactly(Scope.DOCUMENTS_READ);

        JsonNode list = get(tenant.liveKey(), "/v1/keys").json();
        assertThat(list.path("keys").size()).isEqualTo(3);
        assertThat(list.path("keys").valueStream().noneMatch(k -> k.has("secret")))
                .isTrue();

        Response revoked = delete(tenant.liveKey(), "/v1/keys/" + key.path("id").asString());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("revoked_at").isNull()).isFalse();
        assertThat(get(secret, "/v1/keys").status()).isEqualTo(401);
    }

    @Test
    void aKeyGivesNoMoreThanItHas() {
        Tenant tenant = newTenant();
        String limited = access.issueKey(
                        tenant.orgId(), "limited", false, Set.of(Scope.KEYS_WRITE, Scope.DOCUMENTS_READ))
                .secret();
        Response escalation = post(limited, "/v1/keys", Map.of("scopes", List.of("webhooks:write")));
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(escalation.errorCode()).isEqualTo("insufficient_scope");
        Response inherited = post(limited, "/v1/keys", Map.of());
        assertThat(inherited.status()).isEqualTo(201);
        assertThat(inherited.json().path("scopes").toString()).isEqualTo("[\"documents:read\",\"keys:write\"]");

        Response liveFromTest = post(tenant.testKey(), "/v1/keys", Map.of("mode", "live"));
        assertThat(liveFromTest.status()).isEqualTo(403);
        Response testFromTest = post(tenant.testKey(), "/v1/keys", Map.of());
        assertThat(testFromTest.json().path("mode").asString()).isEqualTo("test");
        assertThat(testFromTest.json().path("secret").asString()).startsWith("sk_test_");
        assertThat(post(tenant.liveKey(), "/v1/keys", Map.of("mode", "prod")).status())
                .isEqualTo(400);
    }

    @Test
    void keysWriteIsRequiredAndOtherOrganizationsKeysAre404() {
        Tenant tenant = newTenant();
        Tenant other = newTenant();
        String reader = access.issueKey(tenant.orgId(), "reader", false, Set.of(Scope.DOCUMENTS_READ))
                .secret();
        assertThat(get(reader, "/v1/keys").status()).isEqualTo(403);
        assertThat(post(reader, "/v1/keys", Map.of()).status()).isEqualTo(403);

        String otherKeyId = access.keys(other.orgId()).getFirst().id();
        Response response = delete(tenant.liveKey(), "/v1/keys/" + otherKeyId);
        assertThat(response.status()).isEqualTo(404);
        assertThat(get(other.liveKey(), "/v1/keys").status()).isEqualTo(200);
    }
}
