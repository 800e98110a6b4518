package io.docextract.server.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * Jobs by status and the queue depth, as the database sees them (so every process reports the
 * whole installation): {@code docextract_jobs{status}} and {@code docextract_jobs_queue_depth}.
 * Counted at most once per {@code maxAge} however often Prometheus scrapes.
 */
public class JobGauges {

    private final JobLeaseRepository jobs;
    private final InstantSource clock;
    private final Duration maxAge;
    private Snapshot snapshot;

    private record Snapshot(Instant takenAt, Map<JobStatus, Long> byStatus, long queueDepth) {}

    public JobGauges(JobLeaseRepository jobs, InstantSource clock, Duration maxAge) {
        this.jobs = jobs;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public void register(MeterRegistry registry) {
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder(
                            "docextract.jobs",
                            this,
                            gauges -> gauges.current().byStatus().get(status))
                    .description("Jobs by status")
                    .tag("status", status.value())
                    .register(registry);
        }
        Gauge.builder(
                        "docextract.jobs.queue.depth",
                        this,
                        gauges -> gauges.current().queueDepth())
                .description("Queued jobs that are due to run now")
                .register(registry);
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || snapshot.takenAt().plus(maxAge).isBefore(now)) {
            snapshot = new Snapshot(now, jobs.countByStatus(), jobs.queueDepth(now));
        }
        return snapshot;
    }
}
