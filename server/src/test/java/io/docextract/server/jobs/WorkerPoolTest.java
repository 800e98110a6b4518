package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.auth.Plan;
import io.docextract.server.storage.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worker pool on a real SQLite database: the claim → run → complete loop, retries, timeouts,
 * lost leases, restarts and graceful shutdown. The engine is scripted per document to simulate
 * what the machinery must survive.
 */
class WorkerPoolTest {

    static final JobSettings FAST = new JobSettings(
            Duration.ofSeconds(2),
            Duration.ofMillis(300),
            Duration.ofMillis(200),
            Duration.ofMillis(50),
            3,
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofSeconds(2));

    @TempDir
    Path folder;

    TestDatabase database;
    JobRows rows;
    ScriptedEngine engine = new ScriptedEngine();
    Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    List<FinishedJob> finished = Collections.synchronizedList(new ArrayList<>());
    List<TestWorkers> started = new ArrayList<>();
    String org;
    String extractor;

    @BeforeEach
    void setUp() {
        database = TestDatabase.sqlite(folder);
        rows = new JobRows(database.jdbc());
        org = rows.organization(Plan.SELF_HOSTED, null);
        extractor = rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS);
    }

    @AfterEach
    void tearDown() {
        started.forEach(w -> w.pool().stop());
        database.close();
    }

    TestWorkers workers(JobSettings settings, int size) {
        return workers(settings, size, finished::add);
    }

    TestWorkers workers(JobSettings settings, int size, JobCompletionListener listener) {
        TestWorkers workers = TestWorkers.create(
                database,
                engine,
                key -> {
                    byte[] bytes = blobs.get(key);
                    if (bytes == null) {
                        throw new IllegalStateException("no blob " + key);
                    }
                    return bytes;
                },
                settings,
                size,
                List.of(listener));
        started.add(workers);
        workers.pool().start();
        return workers;
    }

    String submit(String orgId, String script) {
        return submit(orgId, script, false);
    }

    String submit(String orgId, String script, boolean testMode) {
        String key = "blob-" + blobs.size();
        blobs.put(key, script.getBytes(StandardCharsets.UTF_8));
        String ext = orgId.equals(org) ? extractor : rows.extractor(orgId, "receipt", JobRows.INVOICE_FIELDS);
        return rows.job(orgId, ext, Instant.now(), key, "text/plain", testMode);
    }

    static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    void awaitStatus(Duration timeout, String status, List<String> jobs) {
        await(timeout, () -> jobs.stream().allMatch(id -> rows.status(id).equals(status)));
    }

    @Test
    void queuedJobsAreRunAndCompletedOnceWithTheirCost() {
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            live.add(submit(org, "sleep 30\njob " + i));
        }
        String test = submit(org, "sleep 30\ntest job", true);

        TestWorkers workers = workers(FAST, 2);
        List<String> all = new ArrayList<>(live);
        all.add(test);
        awaitStatus(Duration.ofSeconds(20), "completed", all);

        for (String id : live) {
            Map<String, Object> row = rows.row(id);
            assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
            assertThat(((Number) row.get("cost_credits")).intValue()).isEqualTo(2); // invoice, 1 page
            assertThat(((Number) row.get("page_count")).intValue()).isEqualTo(1);
            long started = ((Number) row.get("started_at")).longValue();
            long completed = ((Number) row.get("completed_at")).longValue();
            assertThat(((Number) row.get("processing_time_ms")).longValue())
                    .isEqualTo(completed - started)
                    .isGreaterThanOrEqualTo(30);
            assertThat(row.get("extracted_data").toString()).contains("\"invoice_number\":null");
            assertThat(((Number) row.get("confidence_score")).doubleValue()).isZero();
        }
        assertThat(((Number) rows.row(test).get("cost_credits")).intValue()).isZero();
        assertThat(finished).extracting(FinishedJob::jobId).containsExactlyInAnyOrderElementsOf(all);
        assertThat(finished)
                .filteredOn(FinishedJob::testMode)
                .singleElement()
                .satisfies(f -> assertThat(f.costCredits()).isZero());
        assertThat(workers.count("docextract.jobs.finished", "status", "completed"))
                .isEqualTo(6);
    }

    @ParameterizedTest(name = "{0} → {1} after {2} attempt(s)")
    @CsvSource({
        "'fail-once internal_error', completed, 2, ",
        "'fail-once extraction_timeout', completed, 2, ",
        "'fail ocr_unavailable', failed, 3, ocr_unavailable",
        "'fail internal_error', failed, 3, internal_error",
        "'throw', failed, 3, internal_error",
        "'fail document_corrupt', failed, 1, document_corrupt",
        "'fail document_encrypted', failed, 1, document_encrypted",
        "'fail too_many_pages', failed, 1, too_many_pages",
        "'fail document_unreadable', failed, 1, document_unreadable",
    })
    void engineFailuresAreRetriedWhenRetryableAndMappedToJobErrors(
            String script, String status, int attempts, String errorCode) {
        String job = submit(org, script);

        TestWorkers workers = workers(FAST, 1);
        awaitStatus(Duration.ofSeconds(20), status, List.of(job));

        Map<String, Object> row = rows.row(job);
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(attempts);
        assertThat(row.get("error_code")).isEqualTo(errorCode);
        if (errorCode != null) {
            assertThat(row.get("error_suggestion"))
                    .isEqualTo(JobErrorCode.valueOf(errorCode.toUpperCase(java.util.Locale.ROOT))
                            .suggestion());
            assertThat(((Number) row.get("cost_credits")).intValue()).isZero();
        }
        assertThat(finished).singleElement().satisfies(f -> {
            assertThat(f.status().value()).isEqualTo(status);
            assertThat(f.errorCode() == null ? null : f.errorCode().code()).isEqualTo(errorCode);
        });
        assertThat(workers.count("docextract.extraction.errors", "retried", "true"))
                .isEqualTo(attempts - 1);
    }

    @Test
    void retriesWaitOutAnExponentialBackoff() {
        String job = submit(org, "fail internal_error");
        long submitted = System.currentTimeMillis();

        workers(FAST, 1);
        awaitStatus(Duration.ofSeconds(20), "failed", List.of(job));

        // Backoff 100 ms after the first attempt, 200 ms after the second.
        long started = ((Number) rows.row(job).get("started_at")).longValue();
        assertThat(started - submitted).isGreaterThanOrEqualTo(300);
    }

    @Test
    void anExtractionOverTheTimeoutFailsWithExtractionTimeout() {
        JobSettings settings = new JobSettings(
                FAST.lease(),
                FAST.heartbeat(),
                FAST.reapInterval(),
                FAST.pollInterval(),
                1,
                FAST.retryBackoff(),
                FAST.maxRetryBackoff(),
                Duration.ofMillis(300),
                FAST.shutdownTimeout());
        String job = submit(org, "sleep 20000");

        workers(settings, 1);
        awaitStatus(Duration.ofSeconds(10), "failed", List.of(job));

        Map<String, Object> row = rows.row(job);
        assertThat(row.get("error_code")).isEqualTo("extraction_timeout");
        assertThat(((Number) row.get("processing_time_ms")).longValue()).isBetween(300L, 5_000L);
    }

    @Test
    void aWorkerThatLostItsLeaseDropsItsResult() {
        String job = submit(org, "sleep 1500");
        TestWorkers workers = workers(FAST, 1);
        await(Duration.ofSeconds(10), () -> rows.status(job).equals("processing"));

        // Another worker took the job over (as after an expired lease).
        database.jdbc()
                .sql("UPDATE jobs SET locked_by = 'other-worker', version = version + 1 WHERE id = ?")
                .param(job)
                .update();
        await(Duration.ofSeconds(10), () -> workers.count("docextract.jobs.leases.lost") >= 1);
        await(Duration.ofSeconds(10), () -> workers.pool().running().isEmpty());

        Map<String, Object> row = rows.row(job);
        assertThat(row.get("status")).isEqualTo("processing");
        assertThat(row.get("locked_by")).isEqualTo("other-worker");
        assertThat(finished).isEmpty();
    }

    @Test
    void aCompletionThatFailsInsideItsTransactionIsRolledBackAndRetried() {
        AtomicBoolean failNext = new AtomicBoolean(true);
        String job = submit(org, "sleep 10");

        workers(FAST, 1, done -> {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("ledger unavailable");
            }
            finished.add(done);
        });
        awaitStatus(Duration.ofSeconds(10), "completed", List.of(job));

        assertThat(rows.attempts(job)).isEqualTo(2);
        assertThat(finished).singleElement().extracting(FinishedJob::jobId).isEqualTo(job);
    }

    @Test
    void jobsOfDeadWorkersAreTakenUpAgainAndNoneIsLostOnRestart() {
        List<String> running = List.of(submit(org, "sleep 10"), submit(org, "sleep 10"));
        List<String> queued = List.of(submit(org, "sleep 10"), submit(org, "sleep 10"));
        // A previous process claimed two jobs and died without releasing them.
        JobLeaseRepository jobs = new JobLeaseRepository(database.jdbc(), database.dialect());
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) {
            jobs.claim("dead-process", now, now.minusSeconds(1));
        }
        assertThat(running).allMatch(id -> rows.status(id).equals("processing"));

        TestWorkers workers = workers(FAST, 2);
        List<String> all = new ArrayList<>(queued);
        all.addAll(running);
        awaitStatus(Duration.ofSeconds(20), "completed", all);

        assertThat(running).allMatch(id -> rows.attempts(id) == 2);
        assertThat(queued).allMatch(id -> rows.attempts(id) == 1);
        assertThat(finished).extracting(FinishedJob::jobId).containsExactlyInAnyOrderElementsOf(all);
        assertThat(workers.count("docextract.jobs.reaped", "outcome", "requeued"))
                .isEqualTo(2);
    }

    @Test
    void aJobWhoseWorkersKeptDyingFailsWithWorkerLost() {
        String job = submit(org, "sleep 10");
        JobLeaseRepository jobs = new JobLeaseRepository(database.jdbc(), database.dialect());
        Instant now = Instant.now();
        for (int attempt = 1; attempt <= 3; attempt++) {
            ClaimedJob claimed =
                    jobs.claim("dead-" + attempt, now, now.minusSeconds(1)).orElseThrow();
            if (attempt < 3) {
                assertThat(jobs.requeueExpired(claimed.lease(), now)).isTrue();
            }
        }

        workers(FAST, 1);
        awaitStatus(Duration.ofSeconds(10), "failed", List.of(job));

        assertThat(rows.row(job).get("error_code")).isEqualTo("worker_lost");
        assertThat(rows.attempts(job)).isEqualTo(3);
        assertThat(finished).singleElement().extracting(FinishedJob::errorCode).isEqualTo(JobErrorCode.WORKER_LOST);
    }

    @Test
    void shutdownLetsShortJobsFinishAndReleasesTheRest() {
        String quick = submit(org, "sleep 300");
        String slow = submit(org, "sleep 60000");
        TestWorkers workers = workers(FAST, 2);
        await(Duration.ofSeconds(10), () -> workers.pool().running().size() == 2);

        long stopping = System.nanoTime();
        workers.pool().stop();
        long tookMs = (System.nanoTime() - stopping) / 1_000_000;

        assertThat(rows.status(quick)).isEqualTo("completed");
        assertThat(rows.status(slow)).isEqualTo("queued");
        assertThat(rows.attempts(slow)).isZero();
        assertThat(rows.row(slow).get("locked_by")).isNull();
        assertThat(tookMs).isBetween(FAST.shutdownTimeout().toMillis(), 10_000L);
        assertThat(workers.count("docextract.jobs.released")).isEqualTo(1);
        // Nothing is claimed after stop.
        String later = submit(org, "sleep 10");
        assertThat(rows.status(later)).isEqualTo("queued");
    }

    @Test
    void anOrganizationNeverRunsMoreThanItsPlanAllows() {
        String free = rows.organization(Plan.FREE, null); // 2 concurrent jobs
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(submit(free, "group free\nsleep 150\njob " + i));
        }
        for (int i = 0; i < 3; i++) {
            jobs.add(submit(org, "group open\nsleep 150\njob " + i));
        }

        workers(FAST, 4);
        awaitStatus(Duration.ofSeconds(30), "completed", jobs);

        assertThat(engine.maxConcurrent("free")).isEqualTo(2);
        assertThat(engine.maxConcurrent("open")).isBetween(1, 3);
    }
}
