package io.docextract.server.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The meters of the job machinery; Prometheus names in the comments. */
public class JobMetrics {

    private final MeterRegistry registry;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front so that dashboards and alerts see zeros rather than missing series.
        for (JobStatus status : new JobStatus[] {JobStatus.COMPLETED, JobStatus.FAILED}) {
            finishedCounter(status);
            processingTimer(status);
        }
        for (JobErrorCode code : JobErrorCode.values()) {
            errorCounter(code, false);
            errorCounter(code, true);
        }
    }

    /** {@code docextract_jobs_finished_total{status}} and {@code docextract_job_processing_seconds{status}}. */
    public void finished(JobStatus status, Duration processing) {
        finishedCounter(status).increment();
        processingTimer(status).record(processing);
    }

    private Counter finishedCounter(JobStatus status) {
        return Counter.builder("docextract.jobs.finished")
                .description("Jobs that reached a terminal status")
                .tag("status", status.value())
                .register(registry);
    }

    private Timer processingTimer(JobStatus status) {
        return Timer.builder("docextract.job.processing")
                .description("Time from claim to terminal status of the final attempt")
                .tag("status", status.value())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    private Counter errorCounter(JobErrorCode code, boolean retried) {
        return Counter.builder("docextract.extraction.errors")
                .description("Failed extraction attempts by error code")
                .tag("code", code.code())
                .tag("retried", Boolean.toString(retried))
                .register(registry);
    }

    /** A job failed by the reaper: counted, but its last attempt's duration is unknown here. */
    public void failedWithoutTiming() {
        finishedCounter(JobStatus.FAILED).increment();
    }

    /** {@code docextract_extraction_errors_total{code,retried}}: every failed attempt, retried or not. */
    public void extractionError(JobErrorCode code, boolean retried) {
        errorCounter(code, retried).increment();
    }

    /** {@code docextract_jobs_leases_lost_total}: results dropped because another worker took the job over. */
    public void leaseLost() {
        Counter.builder("docextract.jobs.leases.lost")
                .description("Attempts whose result was dropped because the lease was lost")
                .register(registry)
                .increment();
    }

    /** {@code docextract_jobs_reaped_total{outcome}}: expired leases requeued or failed as worker_lost. */
    public void reaped(String outcome) {
        Counter.builder("docextract.jobs.reaped")
                .description("Jobs whose lease expired")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** {@code docextract_jobs_released_total}: running jobs handed back on shutdown. */
    public void released() {
        Counter.builder("docextract.jobs.released")
                .description("Running jobs returned to the queue on shutdown")
                .register(registry)
                .increment();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
