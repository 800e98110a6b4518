package io.docextract.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminApiTest extends ServerTestSupport {

    @Test
    void theAdminApiWantsTheAdminToken() {
        Response missing = get(null, "/admin/v1/organizations");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.errorCode()).isEqualTo("missing_authorization");
        Response wrong = get("not-the-token", "/admin/v1/organizations");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("invalid_api_key");
        Response apiKey = get(newTenant().liveKey(), "/admin/v1/organizations");
        assertThat(apiKey.status()).isEqualTo(401);
        Response basic = send(
                null,
                HttpRequest.newBuilder(uri("/admin/v1/organizations"))
                        .header("Authorization", "Basic " + ADMIN_TOKEN)
                        .GET());
        assertThat(basic.status()).isEqualTo(401);
        assertThat(get(ADMIN_TOKEN, "/admin/v1/organizations").status()).isEqualTo(200);
    }

    @Test
    void organizationsAreCreatedListedAndUpdated() {
        Response created = post(
                ADMIN_TOKEN,
                "/admin/v1/organizations",
                Map.of("name", "Acme", "plan", "free", "requests_per_minute", 5, "low_balance_threshold", 20));
        assertThat(created.status()).isEqualTo(201);
        JsonNode org = created.json();
        String id = org.path("id").asString();
        assertThat(id).startsWith("org_");
        assertThat(org.path("plan").asString()).isEqualTo("free");
        assertThat(org.path("requests_per_minute").asInt()).isEqualTo(5);
        assertThat(org.path("effective_requests_per_minute").asInt()).isEqualTo(5);
        assertThat(org.path("effective_requests_per_hour").asInt()).isEqualTo(100);
        assertThat(org.path("effective_max_concurrent_jobs").asInt()).isEqualTo(2);
        assertThat(org.path("retention_days").asInt()).isEqualTo(90);
        assertThat(org.path("credits_enforced").asBoolean()).isFalse();
        assertThat(org.path("low_balance_threshold").asLong()).isEqualTo(20);

        assertThat(get(ADMIN_TOKEN, "/admin/v1/organizations")
                        .json()
                        .path("organizations")
                        .valueStream()
                        .map(o -> o.path("id").asString()))
                .contains(id);
        assertThat(get(ADMIN_TOKEN, "/admin/v1/organizations/" + id)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Acme");

        Map<String, Object> changes = new HashMap<>();
        changes.put("plan", "starter");
        changes.put("requests_per_minute", null);
        changes.put("retention_days", 30);
        changes.put("credits_enforced", true);
        changes.put("max_concurrent_jobs", 3);
        Response updated = patch(ADMIN_TOKEN, "/admin/v1/organizations/" + id, changes);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("plan").asString()).isEqualTo("starter");
        assertThat(updated.json().path("requests_per_minute").isNull()).isTrue();
        assertThat(updated.json().path("effective_requests_per_minute").asInt()).isEqualTo(60);
        assertThat(updated.json().path("effective_max_concurrent_jobs").asInt()).isEqualTo(3);
        assertThat(updated.json().path("retention_days").asInt()).isEqualTo(30);
        assertThat(updated.json().path("credits_enforced").asBoolean()).isTrue();
        assertThat(updated.json().path("name").asString()).isEqualTo("Acme");
        assertThat(access.organization(id).creditsEnforced()).isTrue();

        Response selfHosted = patch(ADMIN_TOKEN, "/admin/v1/organizations/" + id, Map.of("plan", "self_hosted"));
        assertThat(selfHosted.json().path("effective_requests_per_hour").isNull())
                .isTrue();
    }

    @Test
    void invalidSettingsAre400AndUnknownOrganizations404() {
        Response bad = post(
                ADMIN_TOKEN,
                "/admin/v1/organizations",
                Map.of("name", "X", "plan", "gold", "retention_days", 0, "colour", "red"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("validation_error");
        assertThat(post(ADMIN_TOKEN, "/admin/v1/organizations", Map.of("plan", "free"))
                        .status())
                .isEqualTo(400);
        assertThat(post(ADMIN_TOKEN, "/admin/v1/organizations", Map.of("name", "X", "retention_days", 0))
                        .status())
                .isEqualTo(400);
        assertThat(post(ADMIN_TOKEN, "/admin/v1/organizations", Map.of("name", "X", "requests_per_minute", "ten"))
                        .status())
                .isEqualTo(400);
        Response missing = get(ADMIN_TOKEN, "/admin/v1/organizations/org_missing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("not_found");
        assertThat(post(ADMIN_TOKEN, "/admin/v1/organizations/org_missing/keys", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(post(ADMIN_TOKEN, "/admin/v1/organizations/org_missing/credits", Map.of("amount", 5))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void keysAreIssuedLimitedListedAndRevoked() {
        String orgId = post(ADMIN_TOKEN, "/admin/v1/organizations", Map.of("name", "Keys Inc"))
                .json()
                .path("id")
                .asString();
        Response issued = post(
                ADMIN_TOKEN,
                "/admin/v1/organizations/" + orgId + "/keys",
                Map.of("name", "reader", "mode", "test", "scopes", List.of("credits:read"), "requests_per_minute", 7));
        assertThat(issued.status()).isEqualTo(201);
        JsonNode key = issued.json();
        String secret = key.path("secret").asString();
        assertThat(secret).startsWith("sk_test_");
        assertThat(key.path("mode").asString()).isEqualTo("test");
        assertThat(key.path("scopes").toString()).isEqualTo("[\"credits:read\"]");
        assertThat(key.path("requests_per_minute").asInt()).isEqualTo(7);

        assertThat(get(secret, "/v1/credits").status()).isEqualTo(200);
        assertThat(get(secret, "/v1/webhooks").status()).isEqualTo(403);

        String keyId = key.path("id").asString();
        Response limited = patch(
                ADMIN_TOKEN, "/admin/v1/organizations/" + orgId + "/keys/" + keyId, Map.of("requests_per_hour", 70));
        assertThat(limited.json().path("requests_per_hour").asInt()).isEqualTo(70);
        assertThat(limited.json().path("requests_per_minute").asInt()).isEqualTo(7);
        assertThat(access.authenticate(secret).keyRequestsPerHour()).isEqualTo(70);

        Response live = post(ADMIN_TOKEN, "/admin/v1/organizations/" + orgId + "/keys", null);
        assertThat(live.status()).isEqualTo(201);
        assertThat(live.json().path("secret").asString()).startsWith("sk_live_");
        assertThat(live.json().path("scopes").size()).isEqualTo(8);

        JsonNode list =
                get(ADMIN_TOKEN, "/admin/v1/organizations/" + orgId + "/keys").json();
        assertThat(list.path("keys").size()).isEqualTo(2);
        assertThat(list.path("keys").valueStream().noneMatch(k -> k.has("secret")))
                .isTrue();

        Response revoked = delete(ADMIN_TOKEN, "/admin/v1/organizations/" + orgId + "/keys/" + keyId);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("revoked_at").asString()).endsWith("Z");
        assertThat(get(secret, "/v1/credits").status()).isEqualTo(401);
        assertThat(delete(ADMIN_TOKEN, "/admin/v1/organizations/" + orgId + "/keys/" + keyId)
                        .status())
                .isEqualTo(404);
        assertThat(post(ADMIN_TOKEN, "/admin/v1/organizations/" + orgId + "/keys", Map.of("scopes", List.of("all")))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void creditsAreGrantedAndPurchased() {
        Tenant tenant = newTenant();
        String path = "/admin/v1/organizations/" + tenant.orgId() + "/credits";
        Response grant = post(ADMIN_TOKEN, path, Map.of("amount", 500, "description", "onboarding"));
        assertThat(grant.status()).isEqualTo(201);
        assertThat(grant.json().path("type").asString()).isEqualTo("grant");
        assertThat(grant.json().path("balance_after").asLong()).isEqualTo(500);
        Response purchase = post(ADMIN_TOKEN, path, Map.of("type", "purchase", "amount", 1000, "price_paid", 49.5));
        assertThat(purchase.status()).isEqualTo(201);
        assertThat(post(ADMIN_TOKEN, path, Map.of("type", "adjustment", "amount", -100))
                        .json()
                        .path("amount")
                        .asLong())
                .isEqualTo(-100);
        assertThat(post(ADMIN_TOKEN, path, Map.of("type", "usage", "amount", 1)).status())
                .isEqualTo(400);
        assertThat(post(ADMIN_TOKEN, path, Map.of("amount", -1)).status()).isEqualTo(400);

        JsonNode balance = get(ADMIN_TOKEN, path).json();
        assertThat(balance.path("balance").asLong()).isEqualTo(1400);
        assertThat(balance.path("total_purchased").asLong()).isEqualTo(1500);
        assertThat(balance.path("last_purchase").path("amount").asLong()).isEqualTo(1000);
        assertThat(balance.path("last_purchase").path("price_paid").decimalValue())
                .isEqualByComparingTo("49.5");
        assertThat(get(tenant.liveKey(), "/v1/credits").json().path("balance").asLong())
                .isEqualTo(1400);
    }
}
