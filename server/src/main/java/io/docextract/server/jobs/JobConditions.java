package io.docextract.server.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The SQL conditions of a {@link JobFilter} on the {@code jobs} table (unqualified column names)
 * and their parameters in order. Shared by the job repositories; the list is mutable so that a
 * query can append its own parameters (paging).
 */
record JobConditions(String sql, List<Object> params) {

    static JobConditions of(JobFilter filter) {
        StringBuilder sql = new StringBuilder("org_id = ? AND test_mode = ?");
        List<Object> params = new ArrayList<>();
        params.add(filter.orgId());
        params.add(filter.testMode() ? 1 : 0);
        if (filter.extractorId() != null) {
            sql.append(" AND extractor_id = ?");
            params.add(filter.extractorId());
        }
        if (!filter.statuses().isEmpty()) {
            List<String> statuses = filter.statusValues();
            sql.append(
                    statuses.size() == 1
                            ? " AND status = ?"
                            : " AND status IN (" + String.join(", ", Collections.nCopies(statuses.size(), "?")) + ")");
            params.addAll(statuses);
        }
        if (filter.createdAfter() != null) {
            // Exclusive bound at millisecond precision: a job at 10:00:00.000 is not after 10:00:00.0005.
            sql.append(" AND created_at > ?");
            params.add(Math.floorDiv(
                    filter.createdAfter().getEpochSecond() * 1_000_000_000L
                            + filter.createdAfter().getNano(),
                    1_000_000L));
        }
        if (filter.createdBefore() != null) {
            sql.append(" AND created_at < ?");
            params.add(Math.ceilDiv(
                    filter.createdBefore().getEpochSecond() * 1_000_000_000L
                            + filter.createdBefore().getNano(),
                    1_000_000L));
        }
        if (filter.minConfidence() != null) {
            sql.append(" AND confidence_score >= ?");
            params.add(filter.minConfidence());
        }
        for (Map.Entry<String, String> entry : filter.metadata().entrySet()) {
            // job_metadata (kept by a trigger) indexes each scalar member as text, so a selective
            // filter reads a few index entries instead of parsing every row's JSON.
            sql.append(" AND id IN (SELECT job_id FROM job_metadata WHERE org_id = ? AND test_mode = ?"
                    + " AND key = ? AND value = ?)");
            params.add(filter.orgId());
            params.add(filter.testMode() ? 1 : 0);
            params.add(entry.getKey());
            params.add(entry.getValue());
        }
        return new JobConditions(sql.toString(), params);
    }
}
