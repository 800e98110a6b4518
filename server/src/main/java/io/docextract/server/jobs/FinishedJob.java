package io.docextract.server.jobs;

import java.time.Instant;

/**
 * A job that just reached {@code completed} or {@code failed}, as told to {@link
 * JobCompletionListener}s. {@code errorCode} is null for completed jobs; {@code costCredits} is 0
 * for failed and test-mode jobs.
 */
public record FinishedJob(
        String jobId,
        String orgId,
        String extractorId,
        boolean testMode,
        JobStatus status,
        Integer pageCount,
        int costCredits,
        JobErrorCode errorCode,
        Instant completedAt) {}
