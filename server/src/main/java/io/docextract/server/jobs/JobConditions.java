package io.docextract.server.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The FROM clause and WHERE conditions of a {@link JobFilter} on the {@code jobs} table (columns
 * qualified with {@code jobs.}) and their parameters in order. Shared by the job repositories;
 * the list is mutable so that a query can append its own parameters (paging). Select
 * {@code jobs.*}, since the FROM clause may join the metadata index.
 */
record JobConditions(String from, String sql, List<Object> params) {

    static JobConditions of(JobFilter filter) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        String from = "jobs";
        boolean first = true;
        for (Map.Entry<String, String> entry : filter.metadata().entrySet()) {
            if (first) {
                // job_metadata (kept by a trigger) indexes each scalar member as text. The first
                // filter drives the query (CROSS JOIN keeps SQLite from reordering it, whatever
                // its statistics), so a selective filter reads few rows, not every job's JSON.
                from = "job_metadata AS m CROSS JOIN jobs";
                sql.append(
                        "m.org_id = ? AND m.test_mode = ? AND m.key = ? AND m.value = ? AND jobs.id = m.job_id AND ");
            } else {
                sql.append("jobs.id IN (SELECT job_id FROM job_metadata WHERE org_id = ? AND test_mode = ?"
                        + " AND key = ? AND value = ?) AND ");
            }
            first = false;
            params.add(filter.orgId());
            params.add(filter.testMode() ? 1 : 0);
            params.add(entry.getKey());
            params.add(entry.getValue());
        }
        sql.append("jobs.org_id = ? AND jobs.test_mode = ?");
        params.add(filter.orgId());
        params.add(filter.testMode() ? 1 : 0);
        if (filter.extractorId() != null) {
            sql.append(" AND jobs.extractor_id = ?");
            params.add(filter.extractorId());
        }
        if (!filter.statuses().isEmpty()) {
            List<String> statuses = filter.statusValues();
            sql.append(
                    statuses.size() == 1
                            ? " AND jobs.status = ?"
                            : " AND jobs.status IN (" + String.join(", ", Collections.nCopies(statuses.size(), "?"))
                                    + ")");
            params.addAll(statuses);
        }
        if (filter.createdAfter() != null) {
            sql.append(" AND jobs.created_at > ?");
            params.add(exclusiveAfter(filter.createdAfter()));
        }
        if (filter.createdBefore() != null) {
            sql.append(" AND jobs.created_at < ?");
            params.add(exclusiveBefore(filter.createdBefore()));
        }
        if (filter.minConfidence() != null) {
            sql.append(" AND jobs.confidence_score >= ?");
            params.add(filter.minConfidence());
        }
        return new JobConditions(from, sql.toString(), params);
    }

    /** Exclusive bound at millisecond precision: a job at 10:00:00.000 is not after 10:00:00.0005. */
    static long exclusiveAfter(Instant after) {
        return Math.floorDiv(after.getEpochSecond() * 1_000_000_000L + after.getNano(), 1_000_000L);
    }

    /** Exclusive bound at millisecond precision, rounded up. */
    static long exclusiveBefore(Instant before) {
        return Math.ceilDiv(before.getEpochSecond() * 1_000_000_000L + before.getNano(), 1_000_000L);
    }
}
