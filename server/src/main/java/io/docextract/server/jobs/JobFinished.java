package io.docextract.server.jobs;

/**
 * Published (as a Spring application event) by whoever commits a job's terminal state, so that
 * long-polling readers in this process answer at once instead of at their next poll.
 */
public record JobFinished(String jobId) {}
