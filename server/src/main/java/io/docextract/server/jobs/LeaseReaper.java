package io.docextract.server.jobs;

import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes up jobs whose worker stopped renewing its lease (crash, kill, partition): back to the
 * queue while attempts remain, else failed with {@code worker_lost}. Any number of processes may
 * reap at once; each job's transition is a conditional write that only one of them wins.
 */
public class LeaseReaper implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);
    private static final int BATCH = 100;

    private final JobLeaseRepository jobs;
    private final JobCompleter completer;
    private final InstantSource clock;
    private final QueueSignal signal;

    public LeaseReaper(JobLeaseRepository jobs, JobCompleter completer, InstantSource clock, QueueSignal signal) {
        this.jobs = jobs;
        this.completer = completer;
        this.clock = clock;
        this.signal = signal;
    }

    @Override
    public void run() {
        try {
            reap();
        } catch (RuntimeException e) {
            log.warn("reaping expired leases failed: {}", e.toString());
        }
    }

    /** Handles every lease expired by now; returns how many jobs changed. */
    public int reap() {
        int changed = 0;
        for (JobLeaseRepository.ExpiredLease expired : jobs.expiredLeases(clock.instant(), BATCH)) {
            JobCompleter.Outcome outcome = completer.reap(expired);
            if (outcome == JobCompleter.Outcome.RETRY_SCHEDULED) {
                signal.wake();
            }
            if (outcome != JobCompleter.Outcome.LEASE_LOST) {
                changed++;
            }
        }
        return changed;
    }
}
