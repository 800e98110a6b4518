package io.docextract.server.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Aggregates over an organization's jobs in one mode and time range. Rates and means are null
 * when there is nothing to compute them from. Processing times are those of completed jobs.
 */
public record JobStats(
        String period,
        long totalJobs,
        long completedJobs,
        long failedJobs,
        long queuedJobs,
        long processingJobs,
        Double successRate,
        Long avgProcessingTimeMs,
        Long p50ProcessingTimeMs,
        Long p95ProcessingTimeMs,
        Double avgConfidence,
        long totalCreditsUsed,
        long totalPages,
        List<ByExtractor> byExtractor,
        Map<String, Long> byStatus,
        Map<String, Long> byErrorCode,
        Map<String, Double> fieldConfidence,
        Instant createdAfter,
        Instant createdBefore) {

    /** One extractor's share. */
    public record ByExtractor(
            String extractorId, String extractorName, long jobCount, Double successRate, Double avgConfidence) {}

    /** {@code completed / (completed + failed)}, null when neither. */
    public static Double successRate(long completed, long failed) {
        return completed + failed == 0 ? null : round((double) completed / (completed + failed));
    }

    /** Rates and confidences are reported to four decimals. */
    public static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
