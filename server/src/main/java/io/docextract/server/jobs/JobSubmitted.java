package io.docextract.server.jobs;

/**
 * Published (as a Spring application event) after a new job's row is committed, so that idle
 * workers in this process can wake without waiting for their next poll.
 */
public record JobSubmitted(String jobId, String orgId, boolean testMode) {}
