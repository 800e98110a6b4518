package io.docextract.server.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Renews the leases of the jobs this process is running. A renewal that finds the job no longer
 * ours (the lease expired and the reaper or another worker took over) stops that attempt.
 */
public class LeaseHeartbeat implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final JobLeaseRepository jobs;
    private final Supplier<Collection<RunningJob>> running;
    private final InstantSource clock;
    private final Duration lease;
    private final JobMetrics metrics;

    public LeaseHeartbeat(
            JobLeaseRepository jobs,
            Supplier<Collection<RunningJob>> running,
            InstantSource clock,
            Duration lease,
            JobMetrics metrics) {
        this.jobs = jobs;
        this.running = running;
        this.clock = clock;
        this.lease = lease;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        for (RunningJob job : running.get()) {
            if (job.state() != RunningJob.State.RUNNING) {
                continue;
            }
            MDC.put("job_id", job.job().id());
            try {
                Instant now = clock.instant();
                if (!jobs.renew(job.job().lease(), now.plus(lease)) && job.loseLease()) {
                    metrics.leaseLost();
                    log.warn("lease lost while running; stopping the attempt");
                }
            } catch (RuntimeException e) {
                // The database may be briefly unreachable; the lease outlives a few missed beats.
                log.warn("heartbeat failed: {}", e.toString());
            } finally {
                MDC.remove("job_id");
            }
        }
    }
}
