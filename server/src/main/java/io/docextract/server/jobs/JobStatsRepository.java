package io.docextract.server.jobs;

import io.docextract.server.storage.Dialect;
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

    /** Counts, sums and means over all matching jobs. */
    public record Totals(
            long total,
            long completed,
            long failed,
            long queued,
            long processing,
            Double avgProcessingMs,
            long timedCompleted,
            Double avgConfidence,
            long credits,
            long pages) {}

    public Totals totals(JobFilter filter) {
        JobConditions where = JobConditions.of(filter);
        return jdbc.sql("SELECT COUNT(*),"
                        + " COUNT(*) FILTER (WHERE status = 'completed'),"
                        + " COUNT(*) FILTER (WHERE status = 'failed'),"
                        + " COUNT(*) FILTER (WHERE status = 'queued'),"
                        + " COUNT(*) FILTER (WHERE status = 'processing'),"
                        + " AVG(" + ELAPSED + ") FILTER (WHERE status = 'completed'),"
                        + " COUNT(" + ELAPSED + ") FILTER (WHERE status = 'completed'),"
                        + " AVG(mean_confidence) FILTER (WHERE status = 'completed'),"
                        + " COALESCE(SUM(cost_credits), 0), COALESCE(SUM(page_count), 0)"
                        + " FROM jobs WHERE " + where.sql())
                .params(where.params())
                .query((rs, row) -> new Totals(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        nullable(rs.getDouble(6), rs.wasNull()),
                        rs.getLong(7),
                        nullable(rs.getDouble(8), rs.wasNull()),
                        rs.getLong(9),
                        rs.getLong(10)))
                .single();
    }

    /**
     * The processing time of completed jobs at the given 0-based rank in ascending order (the
     * caller computes nearest-rank percentiles from {@link Totals#timedCompleted()}).
     */
    public Long processingTimeAtRank(JobFilter filter, long rank) {
        JobConditions where = JobConditions.of(filter);
        where.params().add(rank);
        return jdbc.sql("SELECT " + ELAPSED + " AS elapsed FROM jobs WHERE " + where.sql()
                        + " AND status = 'completed' AND started_at IS NOT NULL AND completed_at IS NOT NULL"
                        + " ORDER BY elapsed LIMIT 1 OFFSET ?")
                .params(where.params())
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** Per extractor, most used first. */
    public List<JobStats.ByExtractor> byExtractor(JobFilter filter) {
        JobConditions where = JobConditions.of(filter);
        return jdbc.sql("SELECT s.extractor_id, e.name, s.jobs, s.completed, s.failed, s.confidence FROM ("
                        + "SELECT extractor_id, COUNT(*) AS jobs,"
                        + " COUNT(*) FILTER (WHERE status = 'completed') AS completed,"
                        + " COUNT(*) FILTER (WHERE status = 'failed') AS failed,"
                        + " AVG(mean_confidence) FILTER (WHERE status = 'completed') AS confidence"
                        + " FROM jobs WHERE " + where.sql() + " GROUP BY extractor_id) s"
                        + " LEFT JOIN extractors e ON e.id = s.extractor_id"
                        + " ORDER BY s.jobs DESC, s.extractor_id")
                .params(where.params())
                .query((rs, row) -> new JobStats.ByExtractor(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        JobStats.successRate(rs.getLong(4), rs.getLong(5)),
                        JobStats.round(nullable(rs.getDouble(6), rs.wasNull()))))
                .list();
    }

    /** Failed jobs by their error code, most frequent first. */
    public Map<String, Long> byErrorCode(JobFilter filter) {
        JobConditions where = JobConditions.of(filter);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT error_code, COUNT(*) AS n FROM jobs WHERE " + where.sql()
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
        jdbc.sql("SELECT c.key, SUM(" + dialect.asDouble("c.value") + "), COUNT(*) FROM jobs, "
                        + dialect.jsonEntries("jobs.confidence", "c") + " WHERE " + where.sql()
                        + " AND status = 'completed' AND jobs.confidence IS NOT NULL GROUP BY c.key")
                .params(where.params())
                .query(rs -> {
                    sums.add(new ConfidenceSum(rs.getString(1), rs.getDouble(2), rs.getLong(3)));
                });
        return sums;
    }

    private static Double nullable(double value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
