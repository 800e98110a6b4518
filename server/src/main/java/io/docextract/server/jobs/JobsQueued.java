package io.docextract.server.jobs;

/**
 * Published (as an application event) by whoever inserts queued jobs, so that idle workers in this
 * process start at once instead of at their next poll. Workers in other processes find the jobs
 * by polling or, on PostgreSQL, through {@code NOTIFY}.
 */
public record JobsQueued(int count) {}
