package io.docextract.server.jobs;

import io.docextract.engine.ExtractionResult;
import io.docextract.server.credits.Pricing;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends an attempt: writes the result or the error, or puts the job back in the queue, each in one
 * short transaction that proves the lease. Terminal writes tell the {@link JobCompletionListener}s
 * inside the same transaction, so credits and webhook events exist exactly when the status does.
 */
public class JobCompleter {

    private static final Logger log = LoggerFactory.getLogger(JobCompleter.class);

    private final JobLeaseRepository jobs;
    private final TransactionTemplate transactions;
    private final List<JobCompletionListener> listeners;
    private final RetryPolicy retries;
    private final InstantSource clock;
    private final JobMetrics metrics;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    public JobCompleter(
            JobLeaseRepository jobs,
            TransactionTemplate transactions,
            List<JobCompletionListener> listeners,
            RetryPolicy retries,
            InstantSource clock,
            JobMetrics metrics,
            JsonMapper json,
            ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.transactions = transactions;
        this.listeners = List.copyOf(listeners);
        this.retries = retries;
        this.clock = clock;
        this.metrics = metrics;
        this.json = json;
        this.events = events;
    }

    /** What became of an attempt. */
    public enum Outcome {
        COMPLETED,
        FAILED,
        RETRY_SCHEDULED,
        RELEASED,
        /** Another worker owns the job now; nothing was written. */
        LEASE_LOST
    }

    /** Stores a successful result: completed, with its cost (0 in test mode). */
    public Outcome complete(ClaimedJob job, String documentType, ExtractionResult result) {
        StoredResult stored = StoredResult.of(result, json);
        int cost = job.testMode() ? 0 : Pricing.credits(documentType, result.pageCount());
        Instant now = clock.instant();
        long processingMs = processingMs(job, now);
        if (!writeTerminal(job.id(), () -> jobs.complete(job.lease(), stored, cost, now, processingMs))) {
            return leaseLost(job);
        }
        metrics.finished(JobStatus.COMPLETED, Duration.ofMillis(processingMs));
        log.info(
                "job completed in {} ms: {} pages, {} credits, confidence {}",
                processingMs,
                result.pageCount(),
                cost,
                stored.confidenceScore());
        return Outcome.COMPLETED;
    }

    /** A failed attempt: tried again later if the error allows and attempts remain, else failed for good. */
    public Outcome failOrRetry(ClaimedJob job, JobErrorCode code, String message) {
        Instant now = clock.instant();
        boolean retry = retries.retries(code, job.attempts());
        metrics.extractionError(code, retry);
        if (retry) {
            Duration delay = retries.delayAfter(job.attempts());
            Boolean written = transactions.execute(status -> jobs.requeue(job.lease(), now.plus(delay), false));
            if (!Boolean.TRUE.equals(written)) {
                return leaseLost(job);
            }
            log.warn("attempt {} failed with {} ({}); retrying in {}", job.attempts(), code.code(), message, delay);
            return Outcome.RETRY_SCHEDULED;
        }
        long processingMs = processingMs(job, now);
        if (!writeTerminal(job.id(), () -> jobs.fail(job.lease(), code, message, now, processingMs))) {
            return leaseLost(job);
        }
        metrics.finished(JobStatus.FAILED, Duration.ofMillis(processingMs));
        log.warn("job failed after {} attempt(s) with {}: {}", job.attempts(), code.code(), message);
        return Outcome.FAILED;
    }

    /**
     * Writes a terminal status and tells the completion listeners in one transaction, then wakes
     * the long-polls. False when the write proved the lease lost (nothing was written).
     */
    private boolean writeTerminal(String jobId, java.util.function.BooleanSupplier write) {
        Boolean written = transactions.execute(status -> {
            if (!write.getAsBoolean()) {
                return false;
            }
            notifyListeners(jobId);
            return true;
        });
        if (!Boolean.TRUE.equals(written)) {
            return false;
        }
        events.publishEvent(new JobFinished(jobId));
        return true;
    }

    /** Hands a running job back to the queue without using up an attempt (shutdown). */
    public Outcome release(ClaimedJob job) {
        Boolean written = transactions.execute(status -> jobs.requeue(job.lease(), clock.instant(), true));
        if (!Boolean.TRUE.equals(written)) {
            return leaseLost(job);
        }
        metrics.released();
        log.info("job released to the queue on shutdown");
        return Outcome.RELEASED;
    }

    /**
     * Deals with a lease that expired: the job goes back to the queue, or fails with {@code
     * worker_lost} once its attempts are used up.
     */
    public Outcome reap(JobLeaseRepository.ExpiredLease expired) {
        Instant now = clock.instant();
        Lease lease = expired.lease();
        if (expired.attempts() < retries.maxAttempts()) {
            Boolean written = transactions.execute(status -> jobs.requeueExpired(lease, now));
            if (!Boolean.TRUE.equals(written)) {
                return Outcome.LEASE_LOST;
            }
            metrics.reaped("requeued");
            log.warn("job {}: lease of {} expired; back in the queue", lease.jobId(), lease.workerId());
            return Outcome.RETRY_SCHEDULED;
        }
        Boolean written = transactions.execute(status -> {
            if (!jobs.failExpired(lease, now)) {
                return false;
            }
            notifyListeners(lease.jobId());
            return true;
        });
        if (!Boolean.TRUE.equals(written)) {
            return Outcome.LEASE_LOST;
        }
        events.publishEvent(new JobFinished(lease.jobId()));
        metrics.reaped("failed");
        metrics.extractionError(JobErrorCode.WORKER_LOST, false);
        metrics.failedWithoutTiming();
        log.warn("job {}: lease expired after {} attempts; failed with worker_lost", lease.jobId(), expired.attempts());
        return Outcome.FAILED;
    }

    private void notifyListeners(String jobId) {
        if (listeners.isEmpty()) {
            return;
        }
        FinishedJob finished = jobs.finished(jobId);
        for (JobCompletionListener listener : listeners) {
            listener.jobFinished(finished);
        }
    }

    private Outcome leaseLost(ClaimedJob job) {
        metrics.leaseLost();
        log.warn("lease on job lost (version {}); result dropped", job.lease().version());
        return Outcome.LEASE_LOST;
    }

    private static long processingMs(ClaimedJob job, Instant now) {
        return Math.max(0, now.toEpochMilli() - job.startedAt().toEpochMilli());
    }
}
