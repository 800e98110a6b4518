package io.docextract.server.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.docextract.server.jobs.Job;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The job object of the API, every member present (null until reached). JSON results are written
 * as the database holds them, without a parse and re-serialize round trip. Written by
 * {@link JobViewSerializer}; the annotations below say what it must write and are what its test
 * compares it with.
 */
@JsonSerialize(using = JobViewSerializer.class)
public record JobView(
        String id,
        String orgId,
        String extractorId,
        int extractorVersion,
        String status,
        boolean testMode,
        String documentUrl,
        String mimeType,
        String filename,
        long fileSizeBytes,
        Integer pageCount,
        @JsonRawValue String extractedData,
        @JsonRawValue String confidence,
        Double confidenceScore,
        @JsonRawValue String fieldLocations,
        @JsonRawValue String warnings,
        Long processingTimeMs,
        int costCredits,
        ErrorDetails errorDetails,
        @JsonRawValue String metadata,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt) {

    /** Why a job failed, with a job-level error code. */
    public record ErrorDetails(String code, String message, String suggestion) {}

    public static JobView of(Job job, String documentUrl) {
        return new JobView(
                job.id(),
                job.orgId(),
                job.extractorId(),
                job.extractorVersion(),
                job.status().value(),
                job.testMode(),
                documentUrl,
                job.mimeType(),
                job.filename(),
                job.fileSizeBytes(),
                job.pageCount(),
                job.extractedData(),
                job.confidence(),
                job.confidenceScore(),
                job.fieldLocations(),
                // A list is never null: jobs without results yet have no warnings.
                job.warnings() == null ? "[]" : job.warnings(),
                job.elapsedMs(),
                job.costCredits(),
                job.errorCode() == null
                        ? null
                        : new ErrorDetails(job.errorCode(), job.errorMessage(), job.errorSuggestion()),
                job.metadata() == null ? "{}" : job.metadata(),
                job.createdAt(),
                job.startedAt(),
                job.completedAt());
    }
}
