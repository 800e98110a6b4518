package io.docextract.server.jobs;

import io.docextract.server.auth.AccessService;
import io.docextract.server.auth.Organization;
import io.docextract.server.blobs.BlobStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes finished jobs (rows, then their stored documents) and the other {@link RetainedRecords}
 * older than their organization's retention period, and forgets idempotency keys past their 24 h
 * window. Runs every
 * {@value #INTERVAL_MINUTES} minutes; safe to run in several processes at once (deletes are
 * idempotent). Time comes from the injected clock so tests can move it.
 */
@Component
public class RetentionSweeper implements SmartLifecycle {

    static final long INTERVAL_MINUTES = 60;
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    private final AccessService access;
    private final JobRepository jobs;
    private final IdempotencyRepository idempotency;
    private final BlobStore blobs;
    private final List<RetainedRecords> otherRecords;
    private final InstantSource clock;
    private ScheduledExecutorService timer;

    public RetentionSweeper(
            AccessService access,
            JobRepository jobs,
            IdempotencyRepository idempotency,
            BlobStore blobs,
            List<RetainedRecords> otherRecords,
            InstantSource clock) {
        this.access = access;
        this.jobs = jobs;
        this.idempotency = idempotency;
        this.blobs = blobs;
        this.otherRecords = otherRecords;
        this.clock = clock;
    }

    /** One sweep over every organization; answers the number of jobs deleted. */
    public int sweep() {
        Instant now = clock.instant();
        int deleted = 0;
        for (Organization org : access.organizations()) {
            Instant cutoff = now.minus(Duration.ofDays(org.retentionDays()));
            List<JobRepository.Expired> batch;
            do {
                batch = jobs.expired(org.id(), cutoff, BATCH);
                // Rows first: a crash in between leaves unreferenced blobs, never jobs without bytes.
                deleted += jobs.deleteByIds(
                        batch.stream().map(JobRepository.Expired::id).toList());
                for (JobRepository.Expired job : batch) {
                    if (job.blobKey() != null) {
                        blobs.delete(job.blobKey());
                    }
                }
            } while (batch.size() == BATCH);
            for (RetainedRecords records : otherRecords) {
                records.deleteOlderThan(org.id(), cutoff);
            }
        }
        idempotency.purge(now.minus(SubmissionService.IDEMPOTENCY_WINDOW));
        if (deleted > 0) {
            log.info("retention: deleted {} jobs past their organization's retention period", deleted);
        }
        return deleted;
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("retention sweep failed; retrying at the next interval", e);
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retention-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        // The first sweep waits a little so that start-up is not slowed down.
        timer.scheduleWithFixedDelay(this::sweepSafely, 5, INTERVAL_MINUTES, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
