package io.docextract.server.jobs;

import java.time.Instant;

/**
 * A job row: one submitted document, its state and, once finished, its results. JSON columns are
 * kept as the JSON text the database holds ({@code extractedData}, {@code confidence},
 * {@code fieldLocations}, {@code warnings}, {@code metadata}); null until written.
 */
public record Job(
        String id,
        String orgId,
        String extractorId,
        int extractorVersion,
        String apiKeyId,
        JobStatus status,
        boolean testMode,
        String mimeType,
        String filename,
        long fileSizeBytes,
        String blobKey,
        Integer pageCount,
        String extractedData,
        String confidence,
        Double confidenceScore,
        Double meanConfidence,
        String fieldLocations,
        String warnings,
        Long processingTimeMs,
        int costCredits,
        String errorCode,
        String errorMessage,
        String errorSuggestion,
        String metadata,
        int attempts,
        Instant runAfter,
        String lockedBy,
        Instant leaseExpiresAt,
        long version,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt) {

    /** A new job waiting to be claimed. */
    public static Job queued(
            String id,
            String orgId,
            String extractorId,
            int extractorVersion,
            String apiKeyId,
            boolean testMode,
            String mimeType,
            String filename,
            long fileSizeBytes,
            String blobKey,
            String metadata,
            Instant now) {
        return new Job(
                id,
                orgId,
                extractorId,
                extractorVersion,
                apiKeyId,
                JobStatus.QUEUED,
                testMode,
                mimeType,
                filename,
                fileSizeBytes,
                blobKey,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                metadata,
                0,
                now,
                null,
                null,
                0,
                now,
                null,
                null);
    }

    /** {@code completed_at − started_at}, null until both are reached. */
    public Long elapsedMs() {
        return startedAt == null || completedAt == null ? null : completedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
