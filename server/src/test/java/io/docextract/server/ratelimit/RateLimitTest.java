package io.docextract.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import io.docextract.server.admin.Administration;
import io.docextract.server.admin.Change;
import io.docextract.server.admin.KeyRequest;
import io.docextract.server.admin.OrganizationSettings;
import io.docextract.server.auth.Organization;
import io.docextract.server.auth.Plan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RateLimitTest extends ServerTestSupport {

    @Autowired
    Administration administration;

    @Autowired
    RateLimiter limiter;

    @Autowired
    JdbcClient jdbc;

    @Test
    void freePlanCountsDownAndAnswers429WithRetryAfter() {
        Tenant tenant = newTenant(Plan.FREE);
        limitOrganization(tenant.orgId(), 3, null);
        awayFromMinuteBoundary();

        for (int i = 1; i <= 3; i++) {
            Response response = get(tenant.liveKey(), "/v1/credits");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(3 - i));
            assertResetIsEndOfMinute(response);
        }
        Response refused = get(tenant.liveKey(), "/v1/credits");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("rate_limit_exceeded");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertResetIsEndOfMinute(refused);
        // The test key belongs to the same organization and shares its count.
        assertThat(get(tenant.testKey(), "/v1/credits").status()).isEqualTo(429);
    }

    @Test
    void aLongPollCountsOnceEvenWhenItResumesAfterWaiting() {
        Tenant tenant = newTenant(Plan.FREE);
        // No job of this organization may start, so the long-poll below really waits and is
        // resumed by the container (a second, async dispatch through the interceptors).
        Organization org = access.organization(tenant.orgId());
        access.updateOrganization(new Organization(
                org.id(),
                org.name(),
                org.plan(),
                org.retentionDays(),
                org.creditsEnforced(),
                org.requestsPerMinute(),
                org.requestsPerHour(),
                0,
                org.createdAt()));
        awayFromMinuteBoundary();
        String extractorId = post(
                        tenant.liveKey(),
                        "/v1/extractors",
                        java.util.Map.of(
                                "name", "notes",
                                "document_type", "note",
                                "field_definitions",
                                        java.util.List.of(java.util.Map.of("name", "title", "type", "text"))))
                .json()
                .path("id")
                .asString();
        String jobId = post(
                        tenant.liveKey(),
                        "/v1/documents",
                        java.util.Map.of(
                                "extractor_id",
                                extractorId,
                                "mime_type",
                                "text/plain",
                                "document",
                                java.util.Base64.getEncoder()
                                        .encodeToString(
                                                "Title: hello".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .json()
                .path("id")
                .asString();

        Response waited = get(tenant.liveKey(), "/v1/documents/" + jobId + "?wait=1");

        assertThat(waited.status()).isEqualTo(200);
        assertThat(waited.json().path("status").asString()).isEqualTo("queued");
        assertThat(waited.header("X-RateLimit-Remaining")).isEqualTo("7");
        assertThat(get(tenant.liveKey(), "/v1/credits").header("X-RateLimit-Remaining"))
                .isEqualTo("6");
    }

    @Test
    void errorAnswersCarryTheHeadersToo() {
        Tenant tenant = newTenant(Plan.FREE);
        Response notFound = get(tenant.liveKey(), "/v1/webhooks/whk_missing");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("X-RateLimit-Limit")).isEqualTo("10");
        assertThat(notFound.header("X-RateLimit-Remaining")).isEqualTo("9");
    }

    @Test
    void aKeyLimitBindsTheKeyAndTheOrganizationLimitBindsAllKeys() {
        Tenant tenant = newTenant(Plan.FREE);
        limitOrganization(tenant.orgId(), 5, null);
        String limitedKey = administration
                .issueKey(tenant.orgId(), new KeyRequest("limited", false, null, 2, null))
                .secret();
        awayFromMinuteBoundary();

        assertThat(get(limitedKey, "/v1/credits").header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(get(limitedKey, "/v1/credits").status()).isEqualTo(200);
        Response keyRefused = get(limitedKey, "/v1/credits");
        assertThat(keyRefused.status()).isEqualTo(429);
        assertThat(keyRefused.header("X-RateLimit-Limit")).isEqualTo("2");

        // The refused request was not counted: the organization has used 2 of 5.
        Response other = get(tenant.liveKey(), "/v1/credits");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(other.header("X-RateLimit-Remaining")).isEqualTo("2");
        assertThat(get(tenant.liveKey(), "/v1/credits").status()).isEqualTo(200);
        assertThat(get(tenant.liveKey(), "/v1/credits").status()).isEqualTo(200);
        assertThat(get(tenant.liveKey(), "/v1/credits").status()).isEqualTo(429);
    }

    @Test
    void theHourlyLimitRefusesUntilTheHourEnds() {
        Tenant tenant = newTenant(Plan.STARTER);
        limitOrganization(tenant.orgId(), null, 2);
        var caller = access.authenticate(tenant.liveKey());
        Instant now = Instant.parse("2030-01-01T10:59:30Z");

        assertThat(limiter.admit(caller, now).allowed()).isTrue();
        assertThat(limiter.admit(caller, now.plusSeconds(1)).remaining()).isZero();
        RateLimitDecision refused = limiter.admit(caller, now.plusSeconds(2));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(28);
        // The starter plan's per-minute limit still drives the headers' limit.
        assertThat(refused.limit()).isEqualTo(60);
        assertThat(limiter.admit(caller, Instant.parse("2030-01-01T11:00:00Z")).allowed())
                .isTrue();
    }

    @Test
    void selfHostedIsUnlimitedAndWritesNothing() {
        Tenant tenant = newTenant(Plan.SELF_HOSTED);
        for (int i = 0; i < 3; i++) {
            Response response = get(tenant.liveKey(), "/v1/credits");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("2147483647");
            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("2147483647");
            assertResetIsEndOfMinute(response);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rate_limit_windows WHERE bucket LIKE ?")
                        .param("org:" + tenant.orgId() + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void purgeDeletesClosedWindowsOnly() {
        Instant now = Instant.parse("2031-05-05T12:30:00Z");
        long old = now.minus(3, ChronoUnit.HOURS).toEpochMilli();
        long current = RateWindow.HOUR.start(now);
        jdbc.sql("INSERT INTO rate_limit_windows (bucket, window_start, count) VALUES ('purge-test:h', ?, 5),"
                        + " ('purge-test:h', ?, 7)")
                .params(old, current)
                .update();
        limiter.purge(now);
        assertThat(jdbc.sql("SELECT window_start FROM rate_limit_windows WHERE bucket = 'purge-test:h'")
                        .query(Long.class)
                        .list())
                .containsExactly(current);
    }

    private void limitOrganization(String orgId, Integer perMinute, Integer perHour) {
        OrganizationSettings none = OrganizationSettings.none();
        administration.updateOrganization(
                orgId,
                new OrganizationSettings(
                        none.name(),
                        none.plan(),
                        none.retentionDays(),
                        none.creditsEnforced(),
                        perMinute == null ? Change.keep() : Change.to(perMinute),
                        perHour == null ? Change.keep() : Change.to(perHour),
                        none.maxConcurrentJobs(),
                        none.lowBalanceThreshold()));
    }

    private static void assertResetIsEndOfMinute(Response response) {
        long reset = Long.parseLong(response.header("X-RateLimit-Reset"));
        long now = Instant.now().getEpochSecond();
        assertThat(reset % 60).isZero();
        assertThat(reset - now).isBetween(0L, 60L);
    }

    /** Per-minute counts restart at the minute; keep a short test inside one minute. */
    private static void awayFromMinuteBoundary() {
        long secondOfMinute = Instant.now().getEpochSecond() % 60;
        if (secondOfMinute >= 50) {
            try {
                Thread.sleep((61 - secondOfMinute) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
