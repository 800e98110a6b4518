package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.DefaultExtractionEngine;
import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionEngine;
import io.docextract.server.auth.Plan;
import io.docextract.server.storage.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Jobs per second through a pool of two workers: the machinery alone (an engine that answers at
 * once) and the real engine on a one-page text PDF. Prints the figures; the floors only catch a
 * machinery that serializes or stalls (e.g. waiting out poll intervals between jobs).
 */
class WorkerThroughputTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} with the {1} engine: {2} jobs")
    @CsvSource({"sqlite, instant, 300, 20", "postgresql, instant, 300, 20", "sqlite, real, 60, 2"})
    void jobsPerSecondThroughTwoWorkers(String databaseKind, String engineKind, int jobCount, double floor) {
        byte[] document = engineKind.equals("real")
                ? TextPdf.invoice("INV-2024-001", "1,250.50")
                : "".getBytes(StandardCharsets.UTF_8);
        ExtractionEngine engine = engineKind.equals("real")
                ? DefaultExtractionEngine.create(EngineOptions.defaults())
                : new ScriptedEngine();
        try (TestDatabase database =
                databaseKind.equals("sqlite") ? TestDatabase.sqlite(folder) : TestDatabase.postgres()) {
            JobRows rows = new JobRows(database.jdbc());
            String org = rows.organization(Plan.SELF_HOSTED, null);
            String extractor = rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS);
            String mime = engineKind.equals("real") ? "application/pdf" : "text/plain";
            for (int i = 0; i < jobCount; i++) {
                rows.job(org, extractor, Instant.now().minusSeconds(1), "doc", mime, false);
            }
            TestWorkers workers =
                    TestWorkers.create(database, engine, key -> document, WorkerPoolTest.FAST, 2, List.of());

            long start = System.nanoTime();
            workers.pool().start();
            try {
                WorkerPoolTest.await(
                        Duration.ofMinutes(5),
                        () -> workers.count("docextract.jobs.finished", "status", "completed") == jobCount);
            } finally {
                workers.pool().stop();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double perSecond = jobCount / seconds;
            System.out.printf(
                    Locale.ROOT,
                    "THROUGHPUT %s/%s: %d jobs in %.2f s = %.1f jobs/s%n",
                    databaseKind,
                    engineKind,
                    jobCount,
                    seconds,
                    perSecond);
            assertThat(database.jdbc()
                            .sql("SELECT COUNT(*) FROM jobs WHERE status = 'completed' AND attempts = 1")
                            .query(Long.class)
                            .single())
                    .isEqualTo(jobCount);
            assertThat(perSecond).isGreaterThan(floor);
        }
    }
}
