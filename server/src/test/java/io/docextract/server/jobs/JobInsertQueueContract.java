package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.server.Ids;
import io.docextract.server.auth.Plan;
import io.docextract.server.extractors.ExtractorRepository;
import io.docextract.server.storage.TestDatabase;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group commit of submitted jobs, on every database the service supports: submits that arrive
 * while a commit runs are written together, each caller returns only once its own job is
 * committed, a bad insert fails only its own submit, and idempotency keys hold inside a group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobInsertQueueContract {

    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    static final int FOLLOWERS = 12;

    @TempDir
    static Path folder;

    TestDatabase database;
    JobRows rows;
    SimpleMeterRegistry meters;
    JobInsertQueue queue;
    ExecutorService threads;
    String org;
    String extractor;

    abstract TestDatabase open(Path folder);

    /** Takes the database's write lock in a transaction of the connection: jobs cannot be inserted until it rolls back. */
    abstract void blockWrites(Connection connection) throws SQLException;

    @BeforeAll
    void openDatabase() {
        database = open(folder);
        rows = new JobRows(database.jdbc());
    }

    @BeforeEach
    void newQueue() {
        rows.deleteAll();
        org = rows.organization(Plan.SELF_HOSTED, null);
        extractor = rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS);
        meters = new SimpleMeterRegistry();
        queue = new JobInsertQueue(
                new JobRepository(new JdbcTemplate(database.dataSource())),
                new IdempotencyRepository(database.jdbc()),
                new ExtractorRepository(database.jdbc(), JsonMapper.builder().build()),
                database.transactions(),
                meters);
        threads = Executors.newFixedThreadPool(FOLLOWERS + 1);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @AfterAll
    void closeDatabase() {
        database.close();
    }

    @Test
    void submitsArrivingDuringACommitAreWrittenInOneTransaction() throws Exception {
        List<Job> followers = new ArrayList<>();
        for (int i = 0; i < FOLLOWERS; i++) {
            followers.add(job(Ids.newId("job")));
        }

        List<Future<Boolean>> results = insertBehindABlockedCommit(job(Ids.newId("job")), followers, null);

        for (Future<Boolean> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(jobCount()).isEqualTo(FOLLOWERS + 1);
        assertThat(usageCount()).isEqualTo(FOLLOWERS + 1);
        DistributionSummary groups = meters.get("docextract.jobs.insert.group").summary();
        assertThat(groups.totalAmount()).isEqualTo(FOLLOWERS + 1);
        // The first commit carried the job that found the queue empty; every follower went in the second.
        assertThat(groups.count()).isEqualTo(2);
        assertThat(groups.max()).isEqualTo(FOLLOWERS);
    }

    @Test
    void aFailingInsertFailsOnlyItsOwnSubmit() throws Exception {
        String taken = rows.job(org, extractor, T0);
        List<Job> followers = new ArrayList<>();
        for (int i = 0; i < FOLLOWERS; i++) {
            followers.add(job(i == FOLLOWERS / 2 ? taken : Ids.newId("job")));
        }

        List<Future<Boolean>> results = insertBehindABlockedCommit(job(Ids.newId("job")), followers, null);

        for (int i = 0; i < results.size(); i++) {
            Future<Boolean> result = results.get(i);
            if (i == FOLLOWERS / 2 + 1) {
                assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(DataAccessException.class);
            } else {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(jobCount()).isEqualTo(FOLLOWERS + 1); // the one taken before and every good submit
        assertThat(usageCount()).isEqualTo(FOLLOWERS);
    }

    @Test
    void twoSubmitsWithOneIdempotencyKeyInOneGroupInsertOnce() throws Exception {
        JobInsertQueue.IdempotencyClaim claim =
                new JobInsertQueue.IdempotencyClaim("key-1", "hash-1", T0.minus(Duration.ofHours(24)));
        Job first = job(Ids.newId("job"));
        Job second = job(Ids.newId("job"));

        List<Future<Boolean>> results =
                insertBehindABlockedCommit(job(Ids.newId("job")), List.of(first, second), claim);

        List<Boolean> outcomes = new ArrayList<>();
        for (Future<Boolean> result : results.subList(1, 3)) {
            outcomes.add(result.get(30, TimeUnit.SECONDS));
        }
        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        assertThat(jobCount()).isEqualTo(2);
        String holder = database.jdbc()
                .sql("SELECT job_id FROM idempotency_keys WHERE key = 'key-1'")
                .query(String.class)
                .single();
        assertThat(holder).isEqualTo(outcomes.get(0) ? first.id() : second.id());
        assertThat(usageCount()).isEqualTo(2);
    }

    /**
     * Inserts {@code leader} while the database refuses writes, so that its commit waits; then the
     * followers queue up behind it; then writes are allowed again. Answers in the order leader,
     * followers.
     */
    private List<Future<Boolean>> insertBehindABlockedCommit(
            Job leader, List<Job> followers, JobInsertQueue.IdempotencyClaim followerClaim) throws Exception {
        List<Future<Boolean>> results = new ArrayList<>();
        try (Connection blocker = database.dataSource().getConnection()) {
            blockWrites(blocker);
            Thread[] leaderThread = new Thread[1];
            results.add(threads.submit(named(leaderThread, () -> queue.insert(leader, null))));
            awaitTrue(() -> leaderThread[0] != null && isCommitting(leaderThread[0]));
            Thread[] followerThreads = new Thread[followers.size()];
            for (int i = 0; i < followers.size(); i++) {
                Job follower = followers.get(i);
                Thread[] slot = new Thread[1];
                int index = i;
                results.add(threads.submit(named(slot, () -> {
                    followerThreads[index] = Thread.currentThread();
                    return queue.insert(follower, followerClaim);
                })));
            }
            awaitTrue(() ->
                    Arrays.stream(followerThreads).allMatch(t -> t != null && t.getState() == Thread.State.WAITING));
        }
        return results;
    }

    private static Callable<Boolean> named(Thread[] slot, Callable<Boolean> body) {
        return () -> {
            slot[0] = Thread.currentThread();
            return body.call();
        };
    }

    private static boolean isCommitting(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(JobInsertQueue.class.getName())
                        && frame.getMethodName().equals("commit"));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private Job job(String id) {
        return Job.queued(
                id, org, extractor, 1, null, false, "text/plain", "a.txt", 3, id, "{\"source\":\"queue\"}", T0);
    }

    private long jobCount() {
        return database.jdbc()
                .sql("SELECT COUNT(*) FROM jobs WHERE org_id = ?")
                .param(org)
                .query(Long.class)
                .single();
    }

    private long usageCount() {
        return database.jdbc()
                .sql("SELECT usage_count FROM extractors WHERE id = ?")
                .param(extractor)
                .query(Long.class)
                .single();
    }
}
