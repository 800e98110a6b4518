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

    /** Maps a row selected as {@link #COLUMNS}. */
    private static final RowMapper<Job> ROWS = JobRepository::map;

    /**
     * Every column of a job, in the order {@link #map} reads them: lists read 50 rows of 32
     * columns, and the driver's lookup of each column by name was about 3 % of a list's Java time.
     */
    static final String COLUMNS = "jobs.id, jobs.org_id, jobs.extractor_id, jobs.extractor_version, jobs.api_key_id, "
            + "jobs.status, jobs.test_mode, jobs.mime_type, jobs.filename, jobs.file_size_bytes, "
            + "jobs.blob_key, jobs.page_count, jobs.extracted_data, jobs.confidence, "
            + "jobs.confidence_score, jobs.mean_confidence, jobs.field_locations, jobs.warnings, "
            + "jobs.processing_time_ms, jobs.cost_credits, jobs.error_code, jobs.error_message, "
            + "jobs.error_suggestion, jobs.metadata, jobs.attempts, jobs.run_after, jobs.locked_by, "
            + "jobs.lease_expires_at, jobs.version, jobs.created_at, jobs.started_at, jobs.completed_at";

    /** The position of the count of all matches after {@link #COLUMNS}. */
    private static final int MATCHING = 33;

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
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = ? AND org_id = ? AND test_mode = ?")
                .params(id, orgId, testMode ? 1 : 0)
                .query(ROWS)
                .optional();
    }

    /** The job whatever its organization (for signed links, whose signature is the proof). */
    public Optional<Job> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")
                .param(id)
                .query(ROWS)
                .optional();
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + where.from() + " WHERE " + where.sql() + " ORDER BY "
                        + order.sql() + " LIMIT ? OFFSET ?")
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
        jdbc.sql("SELECT " + COLUMNS + ", p.matching FROM (SELECT " + matches.id()
                        + " AS page_id, COUNT(*) OVER () AS matching"
                        + " FROM " + matches.from() + " WHERE " + matches.sql() + " ORDER BY " + matches.orderBy(order)
                        + " LIMIT ? OFFSET ?) p CROSS JOIN jobs WHERE jobs.id = p.page_id ORDER BY " + order.sql())
                .params(params)
                .query(rs -> {
                    page.add(map(rs, page.size()));
                    total[0] = rs.getLong(MATCHING);
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
        String sql = "SELECT " + COLUMNS + " FROM " + where.from() + " WHERE " + where.sql();
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

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** Reads a row selected as {@link #COLUMNS}, by position (a lookup by name per column cost more). */
    private static Job map(ResultSet rs, int row) throws SQLException {
        return new Job(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                JobStatus.fromValue(rs.getString(6)).orElseThrow(),
                rs.getInt(7) != 0,
                rs.getString(8),
                rs.getString(9),
                rs.getLong(10),
                rs.getString(11),
                nullableInt(rs, 12),
                rs.getString(13),
                rs.getString(14),
                nullableDouble(rs, 15),
                nullableDouble(rs, 16),
                rs.getString(17),
                rs.getString(18),
                nullableLong(rs, 19),
                rs.getInt(20),
                rs.getString(21),
                rs.getString(22),
                rs.getString(23),
                rs.getString(24),
                rs.getInt(25),
                instant(rs, 26),
                rs.getString(27),
                instant(rs, 28),
                rs.getLong(29),
                instant(rs, 30),
                instant(rs, 31),
                instant(rs, 32));
    }
}
