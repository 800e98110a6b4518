package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.docextract.server.auth.Organization;
import io.docextract.server.jobs.JobStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DocumentStatsApiTest extends DocumentApiSupport {

    private Tenant tenant;
    private String a;
    private String b;

    @BeforeEach
    void jobs() {
        tenant = newTenant();
        // Long retention so that a background sweep never removes the 40-day-old job mid-test.
        Organization org = access.organization(tenant.orgId());
        access.updateOrganization(new Organization(
                org.id(), org.name(), org.plan(), 3650, org.creditsEnforced(), null, null, null, org.createdAt()));
        a = createExtractor(tenant.liveKey());
        b = createExtractor(tenant.liveKey());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant dayAgo = now.minus(Duration.ofDays(1)).minusSeconds(30);
        completed(a, dayAgo, 1000, "{\"a\":0.9,\"b\":0.7}", 0.8, 1);
        completed(a, dayAgo.plusSeconds(1), 2000, "{\"a\":0.8,\"b\":0.6}", 0.7, 2);
        completed(
                a, dayAgo.plusSeconds(2), 3000, "{\"a\":1.0,\"b\":0.5,\"items[0].x\":0.4,\"items[1].x\":0.6}", 0.7, 3);
        failed(a, dayAgo, "document_corrupt");
        failed(b, now.minus(Duration.ofDays(2)), "document_unreadable");
        failed(b, now.minus(Duration.ofDays(2)).plusSeconds(1), "document_unreadable");
        completed(b, now.minus(Duration.ofDays(40)), 9000, "{\"a\":0.1}", 0.5, 1);
        insertParkedQueued(tenant.orgId(), a, false);
        // Test-mode jobs never count for live keys.
        insertFinished(
                tenant.orgId(),
                a,
                true,
                JobStatus.COMPLETED,
                dayAgo,
                50,
                "{}",
                "{\"a\":0.0}",
                0.0,
                0.0,
                null,
                1,
                0,
                null);
    }

    private void completed(String extractor, Instant at, long ms, String confidence, double mean, int pages) {
        insertFinished(
                tenant.orgId(),
                extractor,
                false,
                JobStatus.COMPLETED,
                at,
                ms,
                "{}",
                confidence,
                mean - 0.1,
                mean,
                null,
                pages,
                2,
                null);
    }

    private void failed(String extractor, Instant at, String code) {
        insertFinished(
                tenant.orgId(), extractor, false, JobStatus.FAILED, at, 500, null, null, null, null, code, 1, 0, null);
    }

    private JsonNode stats(String query) {
        Response response = get(tenant.liveKey(), "/v1/documents/stats" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void defaultPeriodIsThirtyDaysWithEveryFigure() {
        JsonNode s = stats("");
        assertThat(s.path("period").asString()).isEqualTo("30d");
        assertThat(s.path("total_jobs").asInt()).isEqualTo(7);
        assertThat(s.path("completed_jobs").asInt()).isEqualTo(3);
        assertThat(s.path("failed_jobs").asInt()).isEqualTo(3);
        assertThat(s.path("queued_jobs").asInt()).isEqualTo(1);
        assertThat(s.path("processing_jobs").asInt()).isZero();
        assertThat(s.path("success_rate").asDouble()).isEqualTo(0.5);
        assertThat(s.path("avg_processing_time_ms").asLong()).isEqualTo(2000);
        assertThat(s.path("p50_processing_time_ms").asLong()).isEqualTo(2000);
        assertThat(s.path("p95_processing_time_ms").asLong()).isEqualTo(3000);
        assertThat(s.path("avg_confidence").asDouble()).isCloseTo(0.7333, within(0.0001));
        assertThat(s.path("total_credits_used").asInt()).isEqualTo(6);
        assertThat(s.path("total_pages").asInt()).isEqualTo(9);
        assertThat(s.path("by_status").path("completed").asInt()).isEqualTo(3);
        assertThat(s.path("by_status").path("failed").asInt()).isEqualTo(3);
        assertThat(s.path("by_status").path("queued").asInt()).isEqualTo(1);
        assertThat(s.path("by_status").path("processing").asInt()).isZero();
        assertThat(s.path("by_error_code").path("document_unreadable").asInt()).isEqualTo(2);
        assertThat(s.path("by_error_code").path("document_corrupt").asInt()).isEqualTo(1);
        assertThat(s.path("field_confidence").path("a").asDouble()).isCloseTo(0.9, within(0.0001));
        assertThat(s.path("field_confidence").path("b").asDouble()).isCloseTo(0.6, within(0.0001));
        assertThat(s.path("field_confidence").path("items[].x").asDouble()).isCloseTo(0.5, within(0.0001));

        JsonNode byExtractor = s.path("by_extractor");
        assertThat(byExtractor.size()).isEqualTo(2);
        assertThat(byExtractor.get(0).path("extractor_id").asString()).isEqualTo(a);
        assertThat(byExtractor.get(0).path("extractor_name").asString()).isEqualTo("Invoices");
        assertThat(byExtractor.get(0).path("job_count").asInt()).isEqualTo(5);
        assertThat(byExtractor.get(0).path("success_rate").asDouble()).isEqualTo(0.75);
        assertThat(byExtractor.get(0).path("avg_confidence").asDouble()).isCloseTo(0.7333, within(0.0001));
        assertThat(byExtractor.get(1).path("job_count").asInt()).isEqualTo(2);
        assertThat(byExtractor.get(1).path("success_rate").asDouble()).isZero();
        assertThat(byExtractor.get(1).path("avg_confidence").isNull()).isTrue();
    }

    @Test
    void otherPeriodsExtractorAndRange() {
        JsonNode all = stats("?period=all");
        assertThat(all.path("period").asString()).isEqualTo("all");
        assertThat(all.path("total_jobs").asInt()).isEqualTo(8);
        assertThat(all.path("avg_processing_time_ms").asLong()).isEqualTo(3750);
        assertThat(all.path("p50_processing_time_ms").asLong()).isEqualTo(2000);
        assertThat(all.path("p95_processing_time_ms").asLong()).isEqualTo(9000);

        JsonNode hour = stats("?period=1h");
        assertThat(hour.path("total_jobs").asInt()).isEqualTo(1);
        for (String empty : List.of(
                "success_rate",
                "avg_processing_time_ms",
                "p50_processing_time_ms",
                "p95_processing_time_ms",
                "avg_confidence")) {
            assertThat(hour.get(empty).isNull()).as(empty).isTrue();
        }
        assertThat(hour.path("field_confidence").size()).isZero();
        assertThat(hour.path("by_error_code").size()).isZero();

        assertThat(stats("?period=7d").path("total_jobs").asInt()).isEqualTo(7);
        assertThat(stats("?period=90d").path("total_jobs").asInt()).isEqualTo(8);
        assertThat(stats("?period=24h").path("total_jobs").asInt()).isEqualTo(1);

        JsonNode onlyB = stats("?period=all&extractor_id=" + b);
        assertThat(onlyB.path("total_jobs").asInt()).isEqualTo(3);
        assertThat(onlyB.path("completed_jobs").asInt()).isEqualTo(1);
        assertThat(onlyB.path("by_extractor").size()).isEqualTo(1);

        Instant now = Instant.now();
        JsonNode range =
                stats("?created_after=" + encode(now.minus(Duration.ofDays(3)).toString()) + "&created_before="
                        + encode(now.minus(Duration.ofHours(36)).toString()));
        assertThat(range.path("period").asString()).isEqualTo("custom");
        assertThat(range.path("total_jobs").asInt()).isEqualTo(2);
        assertThat(range.path("failed_jobs").asInt()).isEqualTo(2);
        assertThat(range.path("success_rate").asDouble()).isZero();

        assertThat(get(tenant.testKey(), "/v1/documents/stats")
                        .json()
                        .path("total_jobs")
                        .asInt())
                .isEqualTo(1);
        assertThat(get(newTenant().liveKey(), "/v1/documents/stats")
                        .json()
                        .path("total_jobs")
                        .asInt())
                .isZero();
    }

    @Test
    void invalidParametersAreValidationErrors() {
        for (String query :
                List.of("?period=2w", "?period=7d&created_after=2024-01-01T00:00:00Z", "?created_before=x")) {
            Response response = get(tenant.liveKey(), "/v1/documents/stats" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("validation_error");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
