package io.docextract.server.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The submit/read side of the jobs table: insert, find, filtered lists, deletion. Claiming and
 * completion writes belong to the worker side. Every read that answers an API request is scoped to
 * one organization and one mode.
 */
@Repository
public class JobRepository {

    /** Maps a full {@code jobs} row; shared with the worker side's queries. */
    public static final RowMapper<Job> ROWS = JobRepository::map;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public JobRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
    }

    private static final String INSERT = """
            INSERT INTO jobs (id, org_id, extractor_id, extractor_version, api_key_id, status, test_mode,
                mime_type, filename, file_size_bytes, blob_key, page_count, extracted_data, confidence,
                confidence_score, mean_confidence, field_locations, warnings, processing_time_ms, cost_credits,
                error_code, error_message, error_suggestion, metadata, attempts, run_after, locked_by,
                lease_expires_at, version, created_at, started_at, completed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    public void insert(Job job) {
        insertAll(List.of(job));
    }

    /** Inserts the jobs with one prepared statement (SQLite compiles the insert and its triggers once). */
    public void insertAll(List<Job> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        batch.batchUpdate(INSERT, jobs.stream().map(JobRepository::columns).toList());
    }

    private static Object[] columns(Job job) {
        return new Object[] {
            job.id(),
            job.orgId(),
            job.extractorId(),
            job.extractorVersion(),
            job.apiKeyId(),
            job.status().value(),
            job.testMode() ? 1 : 0,
            job.mimeType(),
            job.filename(),
            job.fileSizeBytes(),
            job.blobKey(),
            job.pageCount(),
            job.extractedData(),
            job.confidence(),
            job.confidenceScore(),
            job.meanConfidence(),
            job.fieldLocations(),
            job.warnings(),
            job.processingTimeMs(),
            job.costCredits(),
            job.errorCode(),
            job.errorMessage(),
            job.errorSuggestion(),
            job.metadata(),
            job.attempts(),
            millis(job.runAfter()),
            job.lockedBy(),
            millis(job.leaseExpiresAt()),
            job.version(),
            millis(job.createdAt()),
            millis(job.startedAt()),
            millis(job.completedAt())
        };
    }

    /** The job if it belongs to the organization and mode. */
    public Optional<Job> find(String orgId, boolean testMode, String id) {
        return jdbc.sql("SELECT * FROM jobs WHERE id = ? AND org_id = ? AND test_mode = ?")
                .params(id, orgId, testMode ? 1 : 0)
                .query(ROWS)
                .optional();
    }

    /** The job whatever its organization (for signed links, whose signature is the proof). */
    public Optional<Job> findById(String id) {
        return jdbc.sql("SELECT * FROM jobs WHERE id = ?").param(id).query(ROWS).optional();
    }

    /** Of the given ids, the ones whose jobs are finished or gone. */
    public List<String> finishedOrGone(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        List<String> unfinished = jdbc.sql(
                        "SELECT id FROM jobs WHERE id IN (" + placeholders + ") AND status IN ('queued', 'processing')")
                .params(new ArrayList<>(ids))
                .query(String.class)
                .list();
        List<String> done = new ArrayList<>(ids);
        done.removeAll(unfinished);
        return done;
    }

    /** One page of matching jobs in the given order. */
    public List<Job> query(JobFilter filter, JobOrder order, int limit, int offset) {
        JobConditions where = JobConditions.of(filter);
        where.params().add(limit);
        where.params().add(offset);
        return jdbc.sql("SELECT jobs.* FROM " + where.from() + " WHERE " + where.sql() + " ORDER BY " + order.sql()
                        + " LIMIT ? OFFSET ?")
                .params(where.params())
                .query(ROWS)
                .list();
    }

    /** A page of matching jobs and the number of all matching jobs. */
    public record CountedPage(List<Job> jobs, long total) {}

    /**
     * One page of matching jobs and, in the same pass, the number of all of them (0 when the page
     * is empty, whatever the total). Worth it where the query reads every match anyway to sort
     * them (a metadata filter drives it); where an index gives the order, {@link #query} stops
     * after the page and {@link #count} counts from an index. Only the ids and creation times of
     * the matches are sorted, from the metadata index alone where it answers the filter
     * ({@link MatchingJobIds}); the page's whole rows are read after, by id (sorting whole rows of
     * 450 matches cost about half the query, docs/operations.md).
     */
    public CountedPage queryCounted(JobFilter filter, JobOrder order, int limit, int offset) {
        MatchingJobIds matches = MatchingJobIds.of(filter);
        List<Object> params = new ArrayList<>(matches.params());
        params.add(limit);
        params.add(offset);
        List<Job> page = new ArrayList<>();
        long[] total = {0};
        // CROSS JOIN: the page drives the join on both databases (SQLite keeps the written order).
        jdbc.sql("SELECT jobs.*, p.matching FROM (SELECT " + matches.id() + " AS page_id, COUNT(*) OVER () AS matching"
                        + " FROM " + matches.from() + " WHERE " + matches.sql() + " ORDER BY " + matches.orderBy(order)
                        + " LIMIT ? OFFSET ?) p CROSS JOIN jobs WHERE jobs.id = p.page_id ORDER BY " + order.sql())
                .params(params)
                .query(rs -> {
                    page.add(map(rs, page.size()));
                    total[0] = rs.getLong("matching");
                });
        return new CountedPage(page, total[0]);
    }

    public long count(JobFilter filter) {
        MatchingJobIds matches = MatchingJobIds.of(filter);
        return jdbc.sql("SELECT COUNT(*) FROM " + matches.from() + " WHERE " + matches.sql())
                .params(matches.params())
                .query(Long.class)
                .single();
    }

    /**
     * The next page of matching jobs after {@code (afterCreatedAt, afterId)} in the given order
     * (keyset pagination: constant cost per page however deep, stable under concurrent inserts).
     * Null {@code afterId} starts from the beginning.
     */
    public List<Job> page(JobFilter filter, JobOrder order, Instant afterCreatedAt, String afterId, int size) {
        JobConditions where = JobConditions.of(filter);
        String sql = "SELECT jobs.* FROM " + where.from() + " WHERE " + where.sql();
        if (afterId != null) {
            String cmp = order == JobOrder.ASC ? ">" : "<";
            // The first term bounds the index range; the second breaks ties by id.
            sql += " AND jobs.created_at " + cmp + "= ? AND (jobs.created_at " + cmp + " ? OR jobs.id " + cmp + " ?)";
            where.params().add(afterCreatedAt.toEpochMilli());
            where.params().add(afterCreatedAt.toEpochMilli());
            where.params().add(afterId);
        }
        where.params().add(size);
        return jdbc.sql(sql + " ORDER BY " + order.sql() + " LIMIT ?")
                .params(where.params())
                .query(ROWS)
                .list();
    }

    /** The distinct extractor versions among matching jobs (to know the export's columns). */
    public List<Map.Entry<String, Integer>> extractorVersions(JobFilter filter) {
        JobConditions where = JobConditions.of(filter);
        return jdbc.sql("SELECT DISTINCT jobs.extractor_id, jobs.extractor_version FROM " + where.from() + " WHERE "
                        + where.sql() + " ORDER BY jobs.extractor_id, jobs.extractor_version DESC")
                .params(where.params())
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list();
    }

    /** Deletes a finished job of the organization and mode; false when none (or not finished). */
    public boolean deleteFinished(String orgId, boolean testMode, String id) {
        return jdbc.sql("DELETE FROM jobs WHERE id = ? AND org_id = ? AND test_mode = ?"
                                + " AND status IN ('completed', 'failed')")
                        .params(id, orgId, testMode ? 1 : 0)
                        .update()
                == 1;
    }

    /** A finished job past its retention, with its blob key. */
    public record Expired(String id, String blobKey) {}

    /** Up to {@code limit} finished jobs of the organization created before the instant. */
    public List<Expired> expired(String orgId, Instant before, int limit) {
        return jdbc.sql("SELECT id, blob_key FROM jobs WHERE org_id = ? AND created_at < ?"
                        + " AND status IN ('completed', 'failed') ORDER BY created_at LIMIT ?")
                .params(orgId, before.toEpochMilli(), limit)
                .query((rs, row) -> new Expired(rs.getString(1), rs.getString(2)))
                .list();
    }

    public int deleteByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.sql("DELETE FROM jobs WHERE id IN (" + placeholders + ") AND status IN ('completed', 'failed')")
                .params(new ArrayList<>(ids))
                .update();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Job map(ResultSet rs, int row) throws SQLException {
        return new Job(
                rs.getString("id"),
                rs.getString("org_id"),
                rs.getString("extractor_id"),
                rs.getInt("extractor_version"),
                rs.getString("api_key_id"),
                JobStatus.fromValue(rs.getString("status")).orElseThrow(),
                rs.getInt("test_mode") != 0,
                rs.getString("mime_type"),
                rs.getString("filename"),
                rs.getLong("file_size_bytes"),
                rs.getString("blob_key"),
                nullableInt(rs, "page_count"),
                rs.getString("extracted_data"),
                rs.getString("confidence"),
                nullableDouble(rs, "confidence_score"),
                nullableDouble(rs, "mean_confidence"),
                rs.getString("field_locations"),
                rs.getString("warnings"),
                nullableLong(rs, "processing_time_ms"),
                rs.getInt("cost_credits"),
                rs.getString("error_code"),
                rs.getString("error_message"),
                rs.getString("error_suggestion"),
                rs.getString("metadata"),
                rs.getInt("attempts"),
                instant(rs, "run_after"),
                rs.getString("locked_by"),
                instant(rs, "lease_expires_at"),
                rs.getLong("version"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "completed_at"));
    }
}
