package io.docextract.server.jobs;

import io.docextract.server.storage.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregations for job statistics, each computed in the database over the filtered jobs (nothing
 * is loaded row by row into memory).
 */
@Repository
public class JobStatsRepository {

    private static final String ELAPSED = "(completed_at - started_at)";

    private final JdbcClient jdbc;
    private final Dialect dialect;

    public JobStatsRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Counts and sums of the matching jobs of one extractor; every member adds up across
     * extractors, so one grouped scan answers both the totals and the per-extractor figures.
     */
    public record ExtractorTotals(
            String extractorId,
            String extractorName,
            long total,
            long completed,
            long failed,
            long queued,
            long processing,
            long timedCompleted,
            double processingMsSum,
            long confidenceCount,
            double confidenceSum,
            long credits,
            long pages) {}

    /** Per extractor, most used first. */
    public List<ExtractorTotals> totalsByExtractor(JobFilter filter) {
        JobConditions where = JobConditions.of(filter);
        return jdbc.sql("SELECT s.*, e.name FROM (SELECT extractor_id, COUNT(*) AS total,"
                        + " COUNT(*) FILTER (WHERE status = 'completed') AS completed,"
                        + " COUNT(*) FILTER (WHERE status = 'failed') AS failed,"
                        + " COUNT(*) FILTER (WHERE status = 'queued') AS queued,"
                        + " COUNT(*) FILTER (WHERE status = 'processing') AS processing,"
                        + " COUNT(" + ELAPSED + ") FILTER (WHERE status = 'completed') AS timed,"
                        + " COALESCE(SUM(" + ELAPSED + ") FILTER (WHERE status = 'completed'), 0) AS elapsed,"
                        + " COUNT(mean_confidence) FILTER (WHERE status = 'completed') AS rated,"
                        + " COALESCE(SUM(mean_confidence) FILTER (WHERE status = 'completed'), 0) AS confidence,"
                        + " COALESCE(SUM(cost_credits), 0) AS credits, COALESCE(SUM(page_count), 0) AS pages"
                        + " FROM " + where.from() + " WHERE " + where.sql() + " GROUP BY extractor_id) s"
                        + " LEFT JOIN extractors e ON e.id = s.extractor_id"
                        + " ORDER BY s.total DESC, s.extractor_id")
                .params(where.params())
                .query((rs, row) -> extractorTotals(rs))
                .list();
    }

    /**
     * The same figures from the hourly roll-up ({@code job_stats_hourly}), for jobs created in the
     * UTC hours {@code [fromHour, toHour)} (null: unbounded). Only organization, mode and
     * extractor may be filtered.
     */
    public List<ExtractorTotals> hourlyTotalsByExtractor(JobFilter filter, Long fromHour, Long toHour) {
        RollUpConditions where = RollUpConditions.of(filter, "hour", fromHour, toHour);
        return jdbc.sql("SELECT s.*, e.name FROM (SELECT extractor_id, SUM(jobs) AS total,"
                        + " COALESCE(SUM(jobs) FILTER (WHERE status = 'completed'), 0) AS completed,"
                        + " COALESCE(SUM(jobs) FILTER (WHERE status = 'failed'), 0) AS failed,"
                        + " COALESCE(SUM(jobs) FILTER (WHERE status = 'queued'), 0) AS queued,"
                        + " COALESCE(SUM(jobs) FILTER (WHERE status = 'processing'), 0) AS processing,"
                        + " COALESCE(SUM(timed) FILTER (WHERE status = 'completed'), 0) AS timed,"
                        + " COALESCE(SUM(elapsed_ms) FILTER (WHERE status = 'completed'), 0) AS elapsed,"
                        + " COALESCE(SUM(rated) FILTER (WHERE status = 'completed'), 0) AS rated,"
                        + " COALESCE(SUM(confidence) FILTER (WHERE status = 'completed'), 0) AS confidence,"
                        + " SUM(credits) AS credits, SUM(pages) AS pages"
                        + " FROM job_stats_hourly WHERE " + where.sql() + " GROUP BY extractor_id) s"
                        + " LEFT JOIN extractors e ON e.id = s.extractor_id")
                .params(where.params())
                .query((rs, row) -> extractorTotals(rs))
                .list();
    }

    /** A row of either per-extractor query: both name their columns alike. */
    private static ExtractorTotals extractorTotals(ResultSet rs) throws SQLException {
        return new ExtractorTotals(
                rs.getString("extractor_id"),
                rs.getString("name"),
                rs.getLong("total"),
                rs.getLong("completed"),
                rs.getLong("failed"),
                rs.getLong("queued"),
                rs.getLong("processing"),
                rs.getLong("timed"),
                rs.getDouble("elapsed"),
                rs.getLong("rated"),
                rs.getDouble("confidence"),
                rs.getLong("credits"),
                rs.getLong("pages"));
    }

    /** Failed jobs by error code from the hourly roll-up, for the hours {@code [fromHour, toHour)}. */
    public Map<String, Long> hourlyByErrorCode(JobFilter filter, Long fromHour, Long toHour) {
        RollUpConditions where = RollUpConditions.of(filter, "hour", fromHour, toHour);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT error_code, SUM(jobs) FROM job_stats_hourly WHERE " + where.sql()
                        + " AND status = 'failed' AND error_code <> '' GROUP BY error_code")
                .params(where.params())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * The WHERE clause of a roll-up for a filter and a range {@code [from, to)} of its time column
     * ({@code hour} or {@code day}; null: unbounded).
     */
    private record RollUpConditions(String sql, List<Object> params) {

        static RollUpConditions of(JobFilter filter, String timeColumn, Long from, Long to) {
            if (!filter.statuses().isEmpty() || !filter.metadata().isEmpty() || filter.minConfidence() != null) {
                throw new IllegalArgumentException("the roll-up has no statuses, metadata or confidences to filter");
            }
            StringBuilder sql = new StringBuilder("org_id = ? AND test_mode = ?");
            List<Object> params = new ArrayList<>(List.of(filter.orgId(), filter.testMode() ? 1 : 0));
            if (filter.extractorId() != null) {
                sql.append(" AND extractor_id = ?");
                params.add(filter.extractorId());
            }
            if (from != null) {
                sql.append(" AND ").append(timeColumn).append(" >= ?");
                params.add(from);
            }
            if (to != null) {
                sql.append(" AND ").append(timeColumn).append(" < ?");
                params.add(to);
            }
            return new RollUpConditions(sql.toString(), params);
        }
    }

    /**
     * The bucket of a processing time in the {@code job_times_daily} histogram: its lower bound,
     * the time rounded down to 1 ms below 100 ms, 10 ms below 1 s, 100 ms below 10 s, 1 s below
     * 100 s and 10 s above (as migration V50 computes it).
     */
    private static final String TIME_BUCKET = "CASE WHEN " + ELAPSED + " < 100 THEN " + ELAPSED
            + " WHEN " + ELAPSED + " < 1000 THEN " + ELAPSED + " - " + ELAPSED + " % 10"
            + " WHEN " + ELAPSED + " < 10000 THEN " + ELAPSED + " - " + ELAPSED + " % 100"
            + " WHEN " + ELAPSED + " < 100000 THEN " + ELAPSED + " - " + ELAPSED + " % 1000"
            + " ELSE " + ELAPSED + " - " + ELAPSED + " % 10000 END";

    /** The first time past a bucket (see {@link #TIME_BUCKET}). */
    static long bucketEnd(long bucket) {
        long width = bucket < 100 ? 1 : bucket < 1000 ? 10 : bucket < 10_000 ? 100 : bucket < 100_000 ? 1000 : 10_000;
        return bucket + width;
    }

    /** Completed jobs per processing-time bucket from the daily histogram, days {@code [fromDay, toDay)}. */
    public Map<Long, Long> dailyTimeHistogram(JobFilter filter, Long fromDay, Long toDay) {
        RollUpConditions where = RollUpConditions.of(filter, "day", fromDay, toDay);
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT bucket, SUM(jobs) FROM job_times_daily WHERE " + where.sql() + " GROUP BY bucket")
                .params(where.params())
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /** Completed jobs per processing-time bucket, read from the jobs (for partial days). */
    public Map<Long, Long> timeHistogram(JobFilter filter) {
        JobConditions where = JobConditions.of(filter);
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT " + TIME_BUCKET + " AS bucket, COUNT(*) FROM " + where.from() + " WHERE " + where.sql()
                        + " AND status = 'completed' AND " + ELAPSED + " IS NOT NULL GROUP BY 1")
                .params(where.params())
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * The processing time at a 1-based rank among the matching completed jobs whose times fall in
     * {@code [from, to)}, read in time order from the index {@code jobs_completed_times} (only
     * that bucket's jobs, of any date, are visited).
     */
    public Long processingTimeAtRank(JobFilter filter, long from, long to, long rank) {
        JobConditions where = JobConditions.of(filter);
        where.params().addAll(List.of(from, to, rank - 1));
        return jdbc.sql("SELECT " + ELAPSED + " FROM " + where.from() + " WHERE " + where.sql()
                        + " AND status = 'completed' AND " + ELAPSED + " >= ? AND " + ELAPSED + " < ?"
                        + " ORDER BY " + ELAPSED + " LIMIT 1 OFFSET ?")
                .params(where.params())
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** Failed jobs by their error code, most frequent first. */
    public Map<String, Long> byErrorCode(JobFilter filter) {
        JobConditions where = JobConditions.of(filter);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT error_code, COUNT(*) AS n FROM " + where.from() + " WHERE " + where.sql()
                        + " AND status = 'failed' AND error_code IS NOT NULL"
                        + " GROUP BY error_code ORDER BY n DESC, error_code")
                .params(where.params())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** A key of the confidence object with the sum and number of its values. */
    public record ConfidenceSum(String key, double sum, long count) {}

    /**
     * Sums of each confidence key from the daily roll-up, for jobs created on UTC days
     * {@code [fromDay, toDay)} (null: unbounded).
     */
    public List<ConfidenceSum> dailyConfidenceSums(JobFilter filter, Long fromDay, Long toDay) {
        StringBuilder sql = new StringBuilder(
                "SELECT field, SUM(total), SUM(count) FROM job_confidence_daily WHERE org_id = ? AND test_mode = ?");
        List<Object> params = new ArrayList<>(List.of(filter.orgId(), filter.testMode() ? 1 : 0));
        if (filter.extractorId() != null) {
            sql.append(" AND extractor_id = ?");
            params.add(filter.extractorId());
        }
        if (fromDay != null) {
            sql.append(" AND day >= ?");
            params.add(fromDay);
        }
        if (toDay != null) {
            sql.append(" AND day < ?");
            params.add(toDay);
        }
        List<ConfidenceSum> sums = new ArrayList<>();
        jdbc.sql(sql + " GROUP BY field").params(params).query(rs -> {
            sums.add(new ConfidenceSum(rs.getString(1), rs.getDouble(2), rs.getLong(3)));
        });
        return sums;
    }

    /** Sums of each confidence key over completed jobs read row by row (for partial days). */
    public List<ConfidenceSum> confidenceSums(JobFilter filter) {
        JobConditions where = JobConditions.of(filter);
        List<ConfidenceSum> sums = new ArrayList<>();
        jdbc.sql("SELECT c.key, SUM(" + dialect.asDouble("c.value") + "), COUNT(*) FROM " + where.from() + ", "
                        + dialect.jsonEntries("jobs.confidence", "c") + " WHERE " + where.sql()
                        + " AND status = 'completed' AND jobs.confidence IS NOT NULL GROUP BY c.key")
                .params(where.params())
                .query(rs -> {
                    sums.add(new ConfidenceSum(rs.getString(1), rs.getDouble(2), rs.getLong(3)));
                });
        return sums;
    }
}
