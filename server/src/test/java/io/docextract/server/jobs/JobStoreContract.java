package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.auth.Plan;
import io.docextract.server.storage.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job store's contract, run against every database the service supports: claims (order,
 * fairness, concurrency limits, retry delays), lease-guarded writes, and lease expiry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobStoreContract {

    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    static final String WORKER = "worker-a";

    @TempDir
    static Path folder;

    TestDatabase database;
    JobLeaseRepository jobs;
    TransactionTemplate transactions;
    JobRows rows;

    abstract TestDatabase open(Path folder);

    // One database per class (creating a PostgreSQL database takes seconds here); every test
    // starts from empty tables because claims look at all organizations.
    @BeforeAll
    void openDatabase() {
        database = open(folder);
        jobs = new JobLeaseRepository(database.jdbc(), database.dialect());
        transactions = database.transactions();
        rows = new JobRows(database.jdbc());
    }

    @BeforeEach
    void emptyTables() {
        rows.deleteAll();
    }

    @AfterAll
    void closeDatabase() {
        database.close();
    }

    Optional<ClaimedJob> claim(String worker, Instant now) {
        return transactions.execute(status -> jobs.claim(worker, now, now.plusSeconds(30)));
    }

    String claimedOrg(Instant now) {
        return claim(WORKER, now).map(ClaimedJob::orgId).orElse(null);
    }

    @Test
    void claimTakesTheOldestDueJobAndLeasesIt() {
        String org = rows.organization(Plan.SELF_HOSTED, null);
        String extractor = rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS);
        String newer = rows.job(org, extractor, T0.plusSeconds(2));
        String older = rows.job(org, extractor, T0.plusSeconds(1));

        ClaimedJob claimed = claim(WORKER, T0.plusSeconds(10)).orElseThrow();

        assertThat(claimed.id()).isEqualTo(older);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.lease().workerId()).isEqualTo(WORKER);
        assertThat(claimed.startedAt()).isEqualTo(T0.plusSeconds(10));
        Map<String, Object> row = rows.row(older);
        assertThat(row.get("status")).isEqualTo("processing");
        assertThat(((Number) row.get("lease_expires_at")).longValue())
                .isEqualTo(T0.plusSeconds(40).toEpochMilli());
        assertThat(((Number) row.get("version")).longValue())
                .isEqualTo(claimed.lease().version());
        assertThat(rows.status(newer)).isEqualTo("queued");
    }

    @Test
    void jobsWaitingOutARetryDelayAreNotClaimed() {
        String org = rows.organization(Plan.SELF_HOSTED, null);
        String extractor = rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS);
        String job = rows.job(org, extractor, T0);
        ClaimedJob claimed = claim(WORKER, T0).orElseThrow();
        Boolean requeued = transactions.execute(s -> jobs.requeue(claimed.lease(), T0.plusSeconds(60), false));
        assertThat(requeued).isTrue();

        assertThat(claim(WORKER, T0.plusSeconds(59))).isEmpty();
        ClaimedJob again = claim(WORKER, T0.plusSeconds(60)).orElseThrow();
        assertThat(again.id()).isEqualTo(job);
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.lease().version()).isGreaterThan(claimed.lease().version());
    }

    @Test
    void jobsOverTheConcurrencyLimitWaitUntilASlotFrees() {
        String free = rows.organization(Plan.FREE, null); // plan limit 2
        String capped = rows.organization(Plan.SELF_HOSTED, 1); // own limit 1
        String freeExtractor = rows.extractor(free, "invoice", JobRows.INVOICE_FIELDS);
        String cappedExtractor = rows.extractor(capped, "invoice", JobRows.INVOICE_FIELDS);
        for (int i = 0; i < 4; i++) {
            rows.job(free, freeExtractor, T0.plusMillis(i));
            rows.job(capped, cappedExtractor, T0.plusMillis(i));
        }

        List<ClaimedJob> claimed = new ArrayList<>();
        for (Optional<ClaimedJob> next = claim(WORKER, T0.plusSeconds(1));
                next.isPresent();
                next = claim(WORKER, T0.plusSeconds(1))) {
            claimed.add(next.get());
        }

        assertThat(claimed).extracting(ClaimedJob::orgId).containsExactlyInAnyOrder(free, free, capped);
        ClaimedJob done = claimed.getFirst();
        assertThat(jobs.fail(done.lease(), JobErrorCode.DOCUMENT_CORRUPT, "bad", T0.plusSeconds(2), 1))
                .isTrue();
        assertThat(claim(WORKER, T0.plusSeconds(2)).orElseThrow().orgId()).isEqualTo(done.orgId());
        assertThat(claim(WORKER, T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void claimsAreFairAcrossOrganizations() {
        String busy = rows.organization(Plan.SELF_HOSTED, null);
        String quiet = rows.organization(Plan.SELF_HOSTED, null);
        String busyExtractor = rows.extractor(busy, "invoice", JobRows.INVOICE_FIELDS);
        String quietExtractor = rows.extractor(quiet, "invoice", JobRows.INVOICE_FIELDS);
        // The busy organization's backlog is older than anything the quiet one submits.
        for (int i = 0; i < 20; i++) {
            rows.job(busy, busyExtractor, T0.plusMillis(i));
        }
        for (int i = 0; i < 3; i++) {
            rows.job(quiet, quietExtractor, T0.plusSeconds(10 + i));
        }

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            order.add(claimedOrg(T0.plusSeconds(60)));
        }

        assertThat(order).containsExactly(busy, quiet, busy, quiet, busy, quiet, busy, busy);
    }

    @Test
    void writesWithoutTheLeaseChangeNothing() {
        String org = rows.organization(Plan.SELF_HOSTED, null);
        String job = rows.job(org, rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS), T0);
        ClaimedJob claimed = claim(WORKER, T0).orElseThrow();
        Lease lease = claimed.lease();
        List<Lease> forged = List.of(
                new Lease(job, "worker-b", lease.version()),
                new Lease(job, WORKER, lease.version() - 1),
                new Lease(job, WORKER, lease.version() + 1));

        for (Lease wrong : forged) {
            assertThat(jobs.renew(wrong, T0.plusSeconds(99))).as("%s", wrong).isFalse();
            assertThat(jobs.complete(wrong, result(), 2, T0.plusSeconds(1), 1000))
                    .isFalse();
            assertThat(jobs.fail(wrong, JobErrorCode.INTERNAL_ERROR, "x", T0.plusSeconds(1), 1000))
                    .isFalse();
            assertThat(jobs.requeue(wrong, T0, false)).isFalse();
        }

        assertThat(rows.status(job)).isEqualTo("processing");
        assertThat(jobs.renew(lease, T0.plusSeconds(99))).isTrue();
    }

    @Test
    void aJobIsCompletedOnceWithItsResult() {
        String org = rows.organization(Plan.SELF_HOSTED, null);
        String job = rows.job(org, rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS), T0);
        ClaimedJob claimed = claim(WORKER, T0).orElseThrow();

        assertThat(jobs.complete(claimed.lease(), result(), 2, T0.plusMillis(1500), 1500))
                .isTrue();
        assertThat(jobs.complete(claimed.lease(), result(), 2, T0.plusMillis(1600), 1600))
                .isFalse();
        assertThat(jobs.fail(claimed.lease(), JobErrorCode.INTERNAL_ERROR, "x", T0.plusSeconds(2), 2000))
                .isFalse();

        Map<String, Object> row = rows.row(job);
        assertThat(row.get("status")).isEqualTo("completed");
        assertThat(row.get("extracted_data").toString()).contains("INV-1");
        assertThat(((Number) row.get("confidence_score")).doubleValue()).isEqualTo(0.5);
        assertThat(((Number) row.get("mean_confidence")).doubleValue()).isEqualTo(0.7);
        assertThat(((Number) row.get("processing_time_ms")).longValue()).isEqualTo(1500);
        assertThat(((Number) row.get("cost_credits")).intValue()).isEqualTo(2);
        assertThat(((Number) row.get("completed_at")).longValue())
                .isEqualTo(T0.plusMillis(1500).toEpochMilli());
        assertThat(row.get("locked_by")).isNull();
        assertThat(jobs.finished(job).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void anExpiredLeaseSendsTheJobBackWithItsAttemptsKept() {
        String org = rows.organization(Plan.SELF_HOSTED, null);
        String job = rows.job(org, rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS), T0);
        ClaimedJob claimed = claim(WORKER, T0).orElseThrow();

        assertThat(jobs.expiredLeases(T0.plusSeconds(30), 10)).isEmpty();
        List<JobLeaseRepository.ExpiredLease> expired = jobs.expiredLeases(T0.plusSeconds(31), 10);
        assertThat(expired).singleElement().satisfies(e -> {
            assertThat(e.lease()).isEqualTo(claimed.lease());
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(jobs.requeueExpired(claimed.lease(), T0.plusSeconds(31))).isTrue();

        assertThat(rows.status(job)).isEqualTo("queued");
        assertThat(rows.attempts(job)).isEqualTo(1);
        // The old owner's heartbeat and result find the job gone.
        assertThat(jobs.renew(claimed.lease(), T0.plusSeconds(60))).isFalse();
        assertThat(jobs.complete(claimed.lease(), result(), 2, T0.plusSeconds(32), 1))
                .isFalse();
        ClaimedJob retaken = claim("worker-b", T0.plusSeconds(32)).orElseThrow();
        assertThat(retaken.id()).isEqualTo(job);
        assertThat(retaken.attempts()).isEqualTo(2);
    }

    @Test
    void aRenewedLeaseIsNotReaped() {
        String org = rows.organization(Plan.SELF_HOSTED, null);
        rows.job(org, rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS), T0);
        ClaimedJob claimed = claim(WORKER, T0).orElseThrow();
        List<JobLeaseRepository.ExpiredLease> expired = jobs.expiredLeases(T0.plusSeconds(31), 10);

        // The owner renews between the reaper's read and its write.
        assertThat(jobs.renew(claimed.lease(), T0.plusSeconds(61))).isTrue();

        assertThat(jobs.requeueExpired(expired.getFirst().lease(), T0.plusSeconds(31)))
                .isFalse();
        assertThat(jobs.failExpired(expired.getFirst().lease(), T0.plusSeconds(31)))
                .isFalse();
        assertThat(rows.status(claimed.id())).isEqualTo("processing");
    }

    @Test
    void anExpiredLeaseOnTheLastAttemptFailsWithWorkerLost() {
        String org = rows.organization(Plan.SELF_HOSTED, null);
        String job = rows.job(org, rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS), T0);
        ClaimedJob claimed = claim(WORKER, T0).orElseThrow();

        assertThat(jobs.failExpired(claimed.lease(), T0.plusSeconds(45))).isTrue();

        Map<String, Object> row = rows.row(job);
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat(row.get("error_code")).isEqualTo("worker_lost");
        assertThat(row.get("error_suggestion")).isNotNull();
        assertThat(((Number) row.get("cost_credits")).intValue()).isZero();
        assertThat(((Number) row.get("processing_time_ms")).longValue()).isEqualTo(45_000);
        assertThat(jobs.finished(job).errorCode()).isEqualTo(JobErrorCode.WORKER_LOST);
    }

    @Test
    void aReleasedJobGetsItsAttemptBack() {
        String org = rows.organization(Plan.SELF_HOSTED, null);
        String job = rows.job(org, rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS), T0);
        ClaimedJob claimed = claim(WORKER, T0).orElseThrow();

        assertThat(jobs.requeue(claimed.lease(), T0.plusSeconds(1), true)).isTrue();

        assertThat(rows.status(job)).isEqualTo("queued");
        assertThat(rows.attempts(job)).isZero();
    }

    @Test
    void countsByStatusAndQueueDepth() {
        String org = rows.organization(Plan.SELF_HOSTED, null);
        String extractor = rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS);
        for (int i = 0; i < 4; i++) {
            rows.job(org, extractor, T0.plusMillis(i));
        }
        Instant now = T0.plusSeconds(1);
        ClaimedJob first = claim(WORKER, now).orElseThrow();
        ClaimedJob second = claim(WORKER, now).orElseThrow();
        jobs.requeue(second.lease(), now.plusSeconds(60), false);
        jobs.complete(first.lease(), result(), 2, now, 0);
        claim(WORKER, now).orElseThrow();

        assertThat(jobs.countByStatus())
                .containsEntry(JobStatus.QUEUED, 2L)
                .containsEntry(JobStatus.PROCESSING, 1L)
                .containsEntry(JobStatus.COMPLETED, 1L)
                .containsEntry(JobStatus.FAILED, 0L);
        assertThat(jobs.queueDepth(now)).isEqualTo(1);
        assertThat(jobs.queueDepth(now.plusSeconds(60))).isEqualTo(2);
    }

    @Test
    void concurrentClaimersNeverShareAJobNorExceedALimit() throws Exception {
        String limited = rows.organization(Plan.STARTER, null); // plan limit 5
        String open = rows.organization(Plan.SELF_HOSTED, null);
        String limitedExtractor = rows.extractor(limited, "invoice", JobRows.INVOICE_FIELDS);
        String openExtractor = rows.extractor(open, "invoice", JobRows.INVOICE_FIELDS);
        for (int i = 0; i < 20; i++) {
            rows.job(limited, limitedExtractor, T0.plusMillis(i));
            rows.job(open, openExtractor, T0.plusMillis(i));
        }

        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> claimers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            String worker = "worker-" + t;
            claimers.add(threads.submit(() -> {
                for (Optional<ClaimedJob> next = claim(worker, T0.plusSeconds(1));
                        next.isPresent();
                        next = claim(worker, T0.plusSeconds(1))) {
                    if (claimedBy.putIfAbsent(next.get().id(), worker) != null) {
                        duplicates.add(next.get().id());
                    }
                }
                return null;
            }));
        }
        for (Future<?> claimer : claimers) {
            claimer.get();
        }
        threads.shutdown();

        assertThat(duplicates).isEmpty();
        Map<String, Integer> perOrg = new HashMap<>();
        Set<String> ids = new HashSet<>(claimedBy.keySet());
        for (String id : ids) {
            perOrg.merge(rows.row(id).get("org_id").toString(), 1, Integer::sum);
        }
        assertThat(perOrg).containsEntry(limited, 5).containsEntry(open, 20);
    }

    static StoredResult result() {
        return new StoredResult(
                1,
                "{\"invoice_number\": \"INV-1\", \"total_amount\": 10.5}",
                "{\"invoice_number\": 0.9, \"total_amount\": 0.5}",
                0.5,
                0.7,
                "{}",
                "[]");
    }
}
