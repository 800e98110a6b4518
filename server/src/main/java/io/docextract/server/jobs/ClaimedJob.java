package io.docextract.server.jobs;

import java.time.Instant;

/** A job as a worker holds it after claiming: what to run and the lease that proves ownership. */
public record ClaimedJob(
        Lease lease,
        String orgId,
        String extractorId,
        int extractorVersion,
        boolean testMode,
        String mimeType,
        String filename,
        String blobKey,
        int attempts,
        Instant startedAt) {

    public String id() {
        return lease.jobId();
    }
}
