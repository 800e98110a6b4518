package io.docextract.server.jobs;

/**
 * Proof of owning a claimed job: every write after the claim matches all three in its
 * {@code WHERE}, so a worker whose lease was taken over changes nothing.
 */
public record Lease(String jobId, String workerId, long version) {}
