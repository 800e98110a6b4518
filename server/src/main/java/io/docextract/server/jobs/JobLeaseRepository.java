package io.docextract.server.jobs;

import io.docextract.server.auth.Plan;
import io.docextract.server.storage.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The worker side of the jobs table: claims, leases, and the terminal writes. Every write after a
 * claim matches {@code (id, locked_by, version, status = 'processing')} and reports whether it
 * changed a row; {@code false} means the lease was lost and the caller must drop its work.
 */
@Repository
public class JobLeaseRepository {

    /** The concurrency limit of the organization aliased {@code o}; NULL is unlimited. */
    static final String CONCURRENCY_LIMIT = concurrencyLimitSql();

    // Fairness: among organizations with work due and a free slot, the one with the fewest running
    // jobs goes first, ties broken by whose job has waited longest. Within it, oldest job first.
    private static final String FAIR_ORGS = """
            WITH running AS (
                SELECT org_id, COUNT(*) AS n FROM jobs WHERE status = 'processing' GROUP BY org_id),
            waiting AS (
                SELECT org_id, MIN(created_at) AS oldest FROM jobs
                WHERE status = 'queued' AND run_after <= :now GROUP BY org_id)
            SELECT w.org_id FROM waiting w
            JOIN organizations o ON o.id = w.org_id
            LEFT JOIN running r ON r.org_id = w.org_id
            WHERE %1$s IS NULL OR COALESCE(r.n, 0) < %1$s
            ORDER BY COALESCE(r.n, 0), w.oldest, w.org_id
            LIMIT :orgs""".formatted(CONCURRENCY_LIMIT);

    private static final String CLAIM_SET = """
            SET status = 'processing', locked_by = :worker, lease_expires_at = :leaseUntil,
                started_at = :now, attempts = attempts + 1, version = version + 1""";

    private static final String OWNED =
            "id = :id AND locked_by = :worker AND version = :version AND status = 'processing'";

    private final JdbcClient jdbc;
    private final Dialect dialect;

    public JobLeaseRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Claims the next job fairly and within its organization's concurrency limit. Run it in a
     * transaction: with row locks (PostgreSQL) the organization row is locked while its running
     * jobs are counted, so concurrent claimers cannot overshoot the limit; without them (SQLite)
     * the claim is one statement under the database's single write lock.
     */
    public Optional<ClaimedJob> claim(String workerId, Instant now, Instant leaseUntil) {
        return dialect.supportsSkipLocked()
                ? claimWithRowLocks(workerId, now, leaseUntil)
                : claimInOneStatement(workerId, now, leaseUntil);
    }

    private Optional<ClaimedJob> claimInOneStatement(String workerId, Instant now, Instant leaseUntil) {
        String sql = """
                UPDATE jobs %s
                WHERE status = 'queued' AND id = (
                    SELECT j.id FROM jobs j
                    WHERE j.status = 'queued' AND j.run_after <= :now AND j.org_id = (%s)
                    ORDER BY j.created_at, j.id LIMIT 1)
                RETURNING *""".formatted(CLAIM_SET, FAIR_ORGS);
        return jdbc.sql(sql)
                .param("worker", workerId)
                .param("leaseUntil", leaseUntil.toEpochMilli())
                .param("now", now.toEpochMilli())
                .param("orgs", 1)
                .query(JobLeaseRepository::mapClaimed)
                .optional();
    }

    private Optional<ClaimedJob> claimWithRowLocks(String workerId, Instant now, Instant leaseUntil) {
        List<String> orgs = jdbc.sql(FAIR_ORGS)
                .param("now", now.toEpochMilli())
                .param("orgs", 8)
                .query(String.class)
                .list();
        for (String orgId : orgs) {
            // NO KEY UPDATE: serializes claimers of one organization without blocking job inserts,
            // whose foreign key takes KEY SHARE on the same row.
            Optional<Integer> limit = jdbc.sql("SELECT " + CONCURRENCY_LIMIT
                            + " AS max_jobs FROM organizations o WHERE o.id = :org FOR NO KEY UPDATE")
                    .param("org", orgId)
                    .query((rs, row) -> {
                        int value = rs.getInt(1);
                        return rs.wasNull() ? Integer.MAX_VALUE : value;
                    })
                    .optional();
            if (limit.isEmpty()) {
                continue;
            }
            long running = jdbc.sql("SELECT COUNT(*) FROM jobs WHERE org_id = :org AND status = 'processing'")
                    .param("org", orgId)
                    .query(Long.class)
                    .single();
            if (running >= limit.get()) {
                continue;
            }
            Optional<ClaimedJob> claimed = jdbc.sql("""
                            UPDATE jobs %s
                            WHERE id IN (
                                SELECT id FROM jobs WHERE org_id = :org AND status = 'queued' AND run_after <= :now
                                ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                            RETURNING *""".formatted(CLAIM_SET))
                    .param("worker", workerId)
                    .param("leaseUntil", leaseUntil.toEpochMilli())
                    .param("now", now.toEpochMilli())
                    .param("org", orgId)
                    .query(JobLeaseRepository::mapClaimed)
                    .optional();
            if (claimed.isPresent()) {
                return claimed;
            }
        }
        return Optional.empty();
    }

    /** Extends the lease of a job this worker still owns. */
    public boolean renew(Lease lease, Instant leaseUntil) {
        return jdbc.sql("UPDATE jobs SET lease_expires_at = :leaseUntil WHERE " + OWNED)
                        .param("leaseUntil", leaseUntil.toEpochMilli())
                        .params(owner(lease))
                        .update()
                == 1;
    }

    /** Writes a successful result and moves the job to {@code completed}. */
    public boolean complete(Lease lease, StoredResult result, int costCredits, Instant completedAt, long processingMs) {
        return jdbc.sql("""
                        UPDATE jobs SET status = 'completed', page_count = :pages,
                            extracted_data = %1$s, confidence = %2$s,
                            confidence_score = :score, mean_confidence = :mean,
                            field_locations = %3$s, warnings = %4$s,
                            processing_time_ms = :ms, cost_credits = :cost,
                            error_code = NULL, error_message = NULL, error_suggestion = NULL,
                            completed_at = :completedAt, locked_by = NULL, lease_expires_at = NULL,
                            version = version + 1
                        WHERE %5$s""".formatted(json("data"), json("confidence"), json("locations"), json("warnings"), OWNED))
                        .param("pages", result.pageCount())
                        .param("data", result.extractedData())
                        .param("confidence", result.confidence())
                        .param("score", result.confidenceScore())
                        .param("mean", result.meanConfidence())
                        .param("locations", result.fieldLocations())
                        .param("warnings", result.warnings())
                        .param("ms", processingMs)
                        .param("cost", costCredits)
                        .param("completedAt", completedAt.toEpochMilli())
                        .params(owner(lease))
                        .update()
                == 1;
    }

    /** Moves the job to {@code failed} with the error; it costs nothing. */
    public boolean fail(Lease lease, JobErrorCode code, String message, Instant completedAt, long processingMs) {
        return jdbc.sql("""
                        UPDATE jobs SET status = 'failed', error_code = :code, error_message = :message,
                            error_suggestion = :suggestion, cost_credits = 0, processing_time_ms = :ms,
                            completed_at = :completedAt, locked_by = NULL, lease_expires_at = NULL,
                            version = version + 1
                        WHERE\s""" + OWNED)
                        .param("code", code.code())
                        .param("message", message)
                        .param("suggestion", code.suggestion())
                        .param("ms", processingMs)
                        .param("completedAt", completedAt.toEpochMilli())
                        .params(owner(lease))
                        .update()
                == 1;
    }

    /**
     * Puts the job back in the queue, to be claimed again from {@code runAfter}. {@code refundAttempt}
     * gives back the attempt that was cut short on purpose (shutdown) rather than failed.
     */
    public boolean requeue(Lease lease, Instant runAfter, boolean refundAttempt) {
        return jdbc.sql("""
                        UPDATE jobs SET status = 'queued', run_after = :runAfter, locked_by = NULL,
                            lease_expires_at = NULL, version = version + 1,
                            attempts = CASE WHEN :refund = 1 AND attempts > 0 THEN attempts - 1 ELSE attempts END
                        WHERE\s""" + OWNED)
                        .param("runAfter", runAfter.toEpochMilli())
                        .param("refund", refundAttempt ? 1 : 0)
                        .params(owner(lease))
                        .update()
                == 1;
    }

    /** Leases that ran out before {@code now}: their workers died or hung. */
    public List<ExpiredLease> expiredLeases(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id, locked_by, version, attempts FROM jobs
                        WHERE status = 'processing' AND lease_expires_at < :now
                        ORDER BY lease_expires_at LIMIT :limit""")
                .param("now", now.toEpochMilli())
                .param("limit", limit)
                .query((rs, row) -> new ExpiredLease(
                        new Lease(rs.getString("id"), rs.getString("locked_by"), rs.getLong("version")),
                        rs.getInt("attempts")))
                .list();
    }

    /** Returns a job with an expired lease to the queue, attempts kept; false if it was renewed or finished meanwhile. */
    public boolean requeueExpired(Lease lease, Instant now) {
        return jdbc.sql("""
                        UPDATE jobs SET status = 'queued', run_after = :now, locked_by = NULL,
                            lease_expires_at = NULL, version = version + 1
                        WHERE lease_expires_at < :now AND\s""" + OWNED)
                        .param("now", now.toEpochMilli())
                        .params(owner(lease))
                        .update()
                == 1;
    }

    /** Fails a job with an expired lease whose attempts are used up; false if it was renewed or finished meanwhile. */
    public boolean failExpired(Lease lease, Instant now) {
        JobErrorCode code = JobErrorCode.WORKER_LOST;
        return jdbc.sql("""
                        UPDATE jobs SET status = 'failed', error_code = :code, error_message = :message,
                            error_suggestion = :suggestion, cost_credits = 0, completed_at = :now,
                            processing_time_ms = :now - started_at,
                            locked_by = NULL, lease_expires_at = NULL, version = version + 1
                        WHERE lease_expires_at < :now AND\s""" + OWNED)
                        .param("code", code.code())
                        .param("message", code.defaultMessage())
                        .param("suggestion", code.suggestion())
                        .param("now", now.toEpochMilli())
                        .params(owner(lease))
                        .update()
                == 1;
    }

    /** Everything a {@link FinishedJob} event needs, read inside the completing transaction. */
    public FinishedJob finished(String jobId) {
        return jdbc.sql("""
                        SELECT id, org_id, extractor_id, test_mode, status, page_count, cost_credits,
                               error_code, completed_at
                        FROM jobs WHERE id = :id""")
                .param("id", jobId)
                .query((rs, row) -> {
                    int pages = rs.getInt("page_count");
                    Integer pageCount = rs.wasNull() ? null : pages;
                    String error = rs.getString("error_code");
                    return new FinishedJob(
                            rs.getString("id"),
                            rs.getString("org_id"),
                            rs.getString("extractor_id"),
                            rs.getInt("test_mode") != 0,
                            JobStatus.fromValue(rs.getString("status")).orElseThrow(),
                            pageCount,
                            rs.getInt("cost_credits"),
                            error == null ? null : JobErrorCode.valueOf(error.toUpperCase(java.util.Locale.ROOT)),
                            Instant.ofEpochMilli(rs.getLong("completed_at")));
                })
                .single();
    }

    /** The extractor version a job was made with. */
    public Optional<ExtractorDefinition> extractorDefinition(String extractorId, int version) {
        return jdbc.sql("""
                        SELECT document_type, description, field_definitions FROM extractor_versions
                        WHERE extractor_id = :id AND version = :version""")
                .param("id", extractorId)
                .param("version", version)
                .query((rs, row) -> new ExtractorDefinition(
                        rs.getString("document_type"), rs.getString("description"), rs.getString("field_definitions")))
                .optional();
    }

    /** Jobs per status over all organizations, for the metrics. */
    public Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status")
                .query((rs, row) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .list()
                .forEach(entry -> JobStatus.fromValue(entry.getKey()).ifPresent(s -> counts.put(s, entry.getValue())));
        return counts;
    }

    /** Queued jobs that are due now (not waiting out a retry delay). */
    public long queueDepth(Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE status = 'queued' AND run_after <= :now")
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    private String json(String parameter) {
        return dialect.jsonParameter().replace("?", ":" + parameter);
    }

    private static Map<String, Object> owner(Lease lease) {
        return Map.of("id", lease.jobId(), "worker", lease.workerId(), "version", lease.version());
    }

    private static ClaimedJob mapClaimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedJob(
                new Lease(rs.getString("id"), rs.getString("locked_by"), rs.getLong("version")),
                rs.getString("org_id"),
                rs.getString("extractor_id"),
                rs.getInt("extractor_version"),
                rs.getInt("test_mode") != 0,
                rs.getString("mime_type"),
                rs.getString("filename"),
                rs.getString("blob_key"),
                rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("started_at")));
    }

    private static String concurrencyLimitSql() {
        StringBuilder sql = new StringBuilder("COALESCE(o.max_concurrent_jobs, CASE o.plan");
        for (Plan plan : Plan.values()) {
            if (plan.concurrentJobs() != null) {
                sql.append(" WHEN '").append(plan.value()).append("' THEN ").append(plan.concurrentJobs());
            }
        }
        return sql.append(" END)").toString();
    }

    /** A lease found expired, with the attempts its job has made. */
    public record ExpiredLease(Lease lease, int attempts) {}
}
