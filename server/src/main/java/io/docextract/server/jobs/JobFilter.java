package io.docextract.server.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of an organization's jobs a list, export or statistics request covers. Jobs are always
 * scoped to one organization and one mode (test or live). Null members do not filter; bounds on
 * {@code createdAt} are exclusive.
 */
public record JobFilter(
        String orgId,
        boolean testMode,
        String extractorId,
        Set<JobStatus> statuses,
        Instant createdAfter,
        Instant createdBefore,
        Double minConfidence,
        Map<String, String> metadata) {

    public JobFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static JobFilter of(String orgId, boolean testMode) {
        return new JobFilter(orgId, testMode, null, Set.of(), null, null, null, Map.of());
    }

    /** Same filter with other time bounds. */
    public JobFilter between(Instant after, Instant before) {
        return new JobFilter(orgId, testMode, extractorId, statuses, after, before, minConfidence, metadata);
    }

    /** Statuses in a stable order, for SQL. */
    public List<String> statusValues() {
        return statuses.stream().sorted().map(JobStatus::value).toList();
    }
}
