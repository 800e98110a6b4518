package io.docextract.server.jobs;

import java.time.Instant;

/**
 * Records besides jobs that carry an organization's document data (webhook events hold job
 * results, for instance) and so must not outlive its retention period. {@link RetentionSweeper}
 * calls every implementation with the same cutoff it applies to jobs.
 */
public interface RetainedRecords {

    /** Deletes the organization's records created before {@code cutoff}; answers how many. */
    int deleteOlderThan(String orgId, Instant cutoff);
}
