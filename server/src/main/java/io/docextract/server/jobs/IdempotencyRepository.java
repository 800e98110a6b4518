package io.docextract.server.jobs;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Idempotency keys of submissions, per organization and mode. */
@Repository
public class IdempotencyRepository {

    /** A remembered submission: the hash of its canonical request and the job it made. */
    public record Entry(String requestHash, String jobId, Instant createdAt) {}

    private final JdbcClient jdbc;

    public IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(String orgId, boolean testMode, String key) {
        return jdbc.sql("SELECT request_hash, job_id, created_at FROM idempotency_keys"
                        + " WHERE org_id = ? AND test_mode = ? AND key = ?")
                .params(orgId, testMode ? 1 : 0, key)
                .query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
                .optional();
    }

    /**
     * Claims the key for a job; false when a live entry (created at or after {@code expiredBefore})
     * already holds it. An expired entry is replaced.
     */
    public boolean claim(
            String orgId,
            boolean testMode,
            String key,
            String requestHash,
            String jobId,
            Instant now,
            Instant expiredBefore) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE org_id = ? AND test_mode = ? AND key = ? AND created_at < ?")
                .params(orgId, testMode ? 1 : 0, key, expiredBefore.toEpochMilli())
                .update();
        return jdbc.sql("""
                        INSERT INTO idempotency_keys (org_id, test_mode, key, request_hash, job_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(orgId, testMode ? 1 : 0, key, requestHash, jobId, now.toEpochMilli())
                        .update()
                == 1;
    }

    /** Forgets entries older than the instant; returns how many. */
    public int purge(Instant before) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
                .param(before.toEpochMilli())
                .update();
    }
}
