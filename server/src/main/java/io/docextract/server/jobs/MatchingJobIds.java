package io.docextract.server.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A FROM clause and WHERE conditions that select the ids and creation times of the jobs a
 * {@link JobFilter} matches, for counting and ordering them before any whole row is read.
 *
 * <p>A metadata filter with no condition beyond organization, mode, statuses and creation time is
 * answered from {@code job_metadata} alone, which carries each job's status and creation time
 * (kept by triggers): counting 438 matches at 100,000 jobs then reads no jobs row, where looking
 * each match up in {@code jobs} was most of the list's query (docs/operations.md, "Filtered
 * lists"). Every other filter uses {@link JobConditions} on the jobs table.
 *
 * @param id the job id column
 * @param createdAt the creation time column, the list's order
 */
record MatchingJobIds(String from, String sql, List<Object> params, String id, String createdAt) {

    static MatchingJobIds of(JobFilter filter) {
        if (filter.metadata().isEmpty() || filter.extractorId() != null || filter.minConfidence() != null) {
            JobConditions jobs = JobConditions.of(filter);
            return new MatchingJobIds(jobs.from(), jobs.sql(), jobs.params(), "jobs.id", "jobs.created_at");
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, String> entry : filter.metadata().entrySet()) {
            sql.append(
                    first
                            ? "m.org_id = ? AND m.test_mode = ? AND m.key = ? AND m.value = ?"
                            : " AND m.job_id IN (SELECT job_id FROM job_metadata WHERE org_id = ? AND test_mode = ?"
                                    + " AND key = ? AND value = ?)");
            first = false;
            params.add(filter.orgId());
            params.add(filter.testMode() ? 1 : 0);
            params.add(entry.getKey());
            params.add(entry.getValue());
        }
        if (!filter.statuses().isEmpty()) {
            List<String> statuses = filter.statusValues();
            sql.append(
                    statuses.size() == 1
                            ? " AND m.status = ?"
                            : " AND m.status IN (" + String.join(", ", Collections.nCopies(statuses.size(), "?"))
                                    + ")");
            params.addAll(statuses);
        }
        if (filter.createdAfter() != null) {
            sql.append(" AND m.created_at > ?");
            params.add(JobConditions.exclusiveAfter(filter.createdAfter()));
        }
        if (filter.createdBefore() != null) {
            sql.append(" AND m.created_at < ?");
            params.add(JobConditions.exclusiveBefore(filter.createdBefore()));
        }
        return new MatchingJobIds("job_metadata AS m", sql.toString(), params, "m.job_id", "m.created_at");
    }

    /** The ORDER BY terms of the order on these columns (ties by id, as {@link JobOrder#sql()}). */
    String orderBy(JobOrder order) {
        String direction = order == JobOrder.ASC ? " ASC" : " DESC";
        return createdAt + direction + ", " + id + direction;
    }
}
