package io.docextract.server.webhooks;

import io.docextract.server.DocExtractProperties;
import io.docextract.server.api.JobViews;
import io.docextract.server.jobs.FinishedJob;
import io.docextract.server.jobs.JobCompletionListener;
import io.docextract.server.jobs.JobRepository;
import io.docextract.server.jobs.JobStatus;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code job.completed} / {@code job.failed} with the job object exactly as
 * {@code GET /v1/documents/{id}} shows it (rendered by the api package's {@link JobViews}), in
 * the transaction that finishes the job.
 */
@Component
public class JobWebhookEvents implements JobCompletionListener {

    private final JobRepository jobs;
    private final JobViews views;
    private final EventOutbox outbox;
    private final String baseUrl;

    public JobWebhookEvents(JobRepository jobs, JobViews views, EventOutbox outbox, DocExtractProperties properties) {
        this.jobs = jobs;
        this.views = views;
        this.outbox = outbox;
        // No request to take a host from: signed links in payloads use the public URL when set.
        this.baseUrl =
                properties.publicUrl() != null ? properties.publicUrl() : "http://localhost:" + properties.port();
    }

    @Override
    public void jobFinished(FinishedJob finished) {
        jobs.find(finished.orgId(), finished.testMode(), finished.jobId())
                .ifPresent(job -> outbox.publish(
                        finished.orgId(),
                        finished.testMode(),
                        finished.status() == JobStatus.COMPLETED ? EventType.JOB_COMPLETED : EventType.JOB_FAILED,
                        Map.of("job", views.of(job, baseUrl))));
    }
}
