package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.DefaultExtractionEngine;
import io.docextract.engine.EngineOptions;
import io.docextract.server.auth.Plan;
import io.docextract.server.storage.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real second JVM runs a worker, is killed with SIGKILL while it holds a job, and the job is
 * taken up again after its lease expires and completed exactly once by the real engine here,
 * together with the jobs that were still queued. On SQLite (one file shared by both processes)
 * and on a fresh PostgreSQL database.
 */
class WorkerCrashTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aJobHeldByAKilledProcessIsTakenUpAgainAndCompletedOnce(String databaseKind) throws Exception {
        try (TestDatabase database =
                databaseKind.equals("sqlite") ? TestDatabase.sqlite(folder) : TestDatabase.postgres()) {
            JobRows rows = new JobRows(database.jdbc());
            Path blobs = Files.createDirectories(folder.resolve("blobs"));
            String org = rows.organization(Plan.SELF_HOSTED, null);
            String extractor = rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS);
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String key = "doc-" + i + ".pdf";
                Files.write(blobs.resolve(key), TextPdf.invoice("INV-2024-00" + i, "1,250.50"));
                jobs.add(rows.job(org, extractor, Instant.now().plusMillis(i), key, "application/pdf", false));
            }

            Process child = startWorkerProcess(database.url(), blobs);
            String held;
            try {
                WorkerPoolTest.await(
                        Duration.ofSeconds(90),
                        () -> jobs.stream().anyMatch(id -> rows.status(id).equals("processing")));
                held = jobs.stream()
                        .filter(id -> rows.status(id).equals("processing"))
                        .findFirst()
                        .orElseThrow();
                assertThat(rows.row(held).get("locked_by").toString()).contains(":" + child.pid() + ":");
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no release
                child.waitFor();
            }
            assertThat(rows.status(held)).as("a killed worker releases nothing").isEqualTo("processing");
            assertThat(jobs)
                    .filteredOn(id -> !id.equals(held))
                    .allMatch(id -> rows.status(id).equals("queued"));

            List<FinishedJob> finished = Collections.synchronizedList(new ArrayList<>());
            TestWorkers survivor = TestWorkers.create(
                    database,
                    DefaultExtractionEngine.create(EngineOptions.defaults()),
                    key -> WorkerProcess.read(blobs.resolve(key)),
                    WorkerProcess.SETTINGS,
                    2,
                    List.of(finished::add));
            survivor.pool().start();
            try {
                WorkerPoolTest.await(
                        Duration.ofSeconds(90),
                        () -> jobs.stream().allMatch(id -> rows.status(id).equals("completed")));
            } finally {
                survivor.pool().stop();
            }

            Map<String, Object> row = rows.row(held);
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);
            assertThat(row.get("extracted_data").toString()).contains("invoice_number");
            assertThat(finished).extracting(FinishedJob::jobId).containsExactlyInAnyOrderElementsOf(jobs);
            assertThat(survivor.count("docextract.jobs.reaped", "outcome", "requeued"))
                    .isEqualTo(1);
        }
    }

    private Process startWorkerProcess(String url, Path blobs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-Xshare:off",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WorkerProcess.class.getName(),
                        url,
                        blobs.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("worker-process.log").toFile())
                .start();
    }
}
