package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Query and statistics latency with 100,000 jobs in one organization (SQLite). Opt-in, since it
 * loads the shared test database: {@code -Ddocextract.perf=true}.
 */
@EnabledIfSystemProperty(named = "docextract.perf", matches = "true")
class DocumentQueryPerformanceTest extends DocumentApiSupport {

    private static final int JOBS = 100_000;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Test
    void filteredListsAndStatsStayFastAtAHundredThousandJobs() {
        Tenant tenant = newTenant();
        List<String> extractors = List.of(
                createExtractor(tenant.liveKey()),
                createExtractor(tenant.liveKey()),
                createExtractor(tenant.liveKey()));
        load(tenant.orgId(), extractors);

        String x = extractors.get(0);
        String after = Instant.now().minus(Duration.ofDays(30)).toString();
        List<String> queries = List.of(
                "",
                "?status=completed",
                "?status=completed,failed&order=asc",
                "?extractor_id=" + x + "&status=completed&min_confidence=0.8&created_after=" + after,
                "?metadata%5Bcustomer%5D=c7",
                "?metadata%5Bcustomer%5D=c7&metadata%5Bvip%5D=true&status=completed",
                "?created_after=" + after + "&created_before=" + Instant.now().minus(Duration.ofDays(20)),
                "?limit=1000",
                "?offset=5000&limit=100&order=asc",
                "?status=failed&extractor_id=" + x);
        for (String query : queries) {
            long[] times = new long[60];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                Response response = get(tenant.liveKey(), "/v1/documents" + query);
                times[i] = (System.nanoTime() - start) / 1_000;
                assertThat(response.status()).isEqualTo(200);
            }
            Arrays.sort(times);
            System.out.printf(
                    "PERF list %-110s p50 %6.1f ms  p99 %6.1f ms  total %s%n",
                    query,
                    times[30] / 1000.0,
                    times[59] / 1000.0,
                    get(tenant.liveKey(), "/v1/documents" + query).json().path("total"));
        }
        for (String period : List.of("30d", "all", "24h")) {
            long[] times = new long[10];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                Response response = get(tenant.liveKey(), "/v1/documents/stats?period=" + period);
                times[i] = (System.nanoTime() - start) / 1_000;
                assertThat(response.status()).isEqualTo(200);
            }
            Arrays.sort(times);
            System.out.printf(
                    "PERF stats %-4s p50 %6.1f ms  max %6.1f ms%n", period, times[5] / 1000.0, times[9] / 1000.0);
        }
        long start = System.nanoTime();
        int bytes = get(tenant.liveKey(), "/v1/documents/export?format=csv").bytes().length;
        System.out.printf(
                "PERF export csv of %d jobs: %d ms, %d bytes%n", JOBS, (System.nanoTime() - start) / 1_000_000, bytes);
        for (String sql : List.of(
                "SELECT * FROM jobs WHERE org_id = 'o' AND test_mode = 0 AND status IN ('completed', 'failed')"
                        + " ORDER BY created_at DESC, id DESC LIMIT 50",
                "SELECT * FROM jobs WHERE org_id = 'o' AND test_mode = 0 ORDER BY created_at DESC, id DESC LIMIT 50",
                "SELECT COUNT(*) FROM jobs WHERE org_id = 'o' AND test_mode = 0 AND extractor_id = 'e'"
                        + " AND status = 'completed' AND created_at > 5")) {
            System.out.println("PLAN " + sql);
            jdbcTemplate.query("EXPLAIN QUERY PLAN " + sql, rs -> {
                System.out.println("PLAN   " + rs.getString("detail"));
            });
        }
    }

    private void load(String orgId, List<String> extractors) {
        Random random = new Random(42);
        long now = System.currentTimeMillis();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            long created = now - (long) (random.nextDouble() * 60L * 24 * 3600 * 1000);
            int roll = random.nextInt(100);
            String status = roll < 85 ? "completed" : roll < 95 ? "failed" : roll < 98 ? "queued" : "processing";
            boolean completed = status.equals("completed");
            double score = 0.5 + random.nextDouble() / 2;
            StringBuilder confidence = new StringBuilder("{");
            for (int f = 0; f < 8; f++) {
                confidence
                        .append(f == 0 ? "" : ",")
                        .append("\"field_")
                        .append(f)
                        .append("\":")
                        .append(Math.round((score + random.nextDouble() * (1 - score)) * 100) / 100.0);
            }
            confidence.append('}');
            rows.add(new Object[] {
                Ids.newId("job"),
                orgId,
                extractors.get(i % 3),
                status,
                completed ? "{\"field_0\":\"v" + i + "\",\"field_1\":" + i + "}" : null,
                completed ? confidence.toString() : null,
                completed ? score : null,
                completed ? score + 0.05 : null,
                status.equals("failed") ? "document_unreadable" : null,
                "{\"customer\":\"c" + (i % 100) + "\",\"n\":" + (i % 50) + ",\"vip\":" + (i % 7 == 0) + "}",
                created,
                created,
                completed || status.equals("failed") ? created + 1000 : null,
                completed || status.equals("failed") ? created + 1000 + random.nextInt(9000) : null,
                completed ? 1 + random.nextInt(4) : 0
            });
        }
        long start = System.nanoTime();
        jdbcTemplate.batchUpdate("""
                INSERT INTO jobs (id, org_id, extractor_id, extractor_version, status, test_mode, mime_type,
                    file_size_bytes, extracted_data, confidence, confidence_score, mean_confidence, error_code,
                    metadata, run_after, created_at, started_at, completed_at, page_count, cost_credits)
                VALUES (?, ?, ?, 1, ?, 0, 'application/pdf', 1000, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""", rows);
        jdbcTemplate.execute("ANALYZE");
        System.out.printf("PERF loaded %d jobs in %d ms%n", JOBS, (System.nanoTime() - start) / 1_000_000);
    }
}
