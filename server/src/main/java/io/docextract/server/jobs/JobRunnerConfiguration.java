package io.docextract.server.jobs;

import io.docextract.engine.ExtractionEngine;
import io.docextract.server.DocExtractProperties;
import io.docextract.server.storage.DatabaseNotifications;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the worker side of jobs: claims, leases, completion, the worker pool and its meters. */
@Configuration(proxyBeanMethods = false)
public class JobRunnerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobRunnerConfiguration.class);

    /** The channel the V20 trigger notifies when a job becomes claimable. */
    static final String JOBS_CHANNEL = "docextract_jobs";

    @Bean
    JobMetrics jobMetrics(MeterRegistry registry) {
        return new JobMetrics(registry);
    }

    @Bean
    JobGauges jobGauges(JobLeaseRepository jobs, InstantSource clock, MeterRegistry registry) {
        JobGauges gauges = new JobGauges(jobs, clock, Duration.ofSeconds(2));
        gauges.register(registry);
        return gauges;
    }

    /** Woken by local submits ({@link QueueWakeUp}) and, on PostgreSQL, by the jobs table's NOTIFY trigger. */
    @Bean
    QueueSignal queueSignal(DatabaseNotifications notifications) {
        QueueSignal signal = new QueueSignal();
        notifications.subscribe(JOBS_CHANNEL, signal::wake);
        return signal;
    }

    @Bean
    JobCompleter jobCompleter(
            JobLeaseRepository jobs,
            PlatformTransactionManager transactionManager,
            ObjectProvider<JobCompletionListener> listeners,
            JobSettings settings,
            InstantSource clock,
            JobMetrics metrics,
            JsonMapper json,
            ApplicationEventPublisher events) {
        return new JobCompleter(
                jobs,
                new TransactionTemplate(transactionManager),
                listeners.orderedStream().toList(),
                settings.retryPolicy(),
                clock,
                metrics,
                json,
                events);
    }

    @Bean
    JobClaimer jobClaimer(
            JobLeaseRepository jobs,
            PlatformTransactionManager transactionManager,
            InstantSource clock,
            JobSettings settings) {
        return new JobClaimer(jobs, new TransactionTemplate(transactionManager), clock, settings.lease());
    }

    @Bean
    WorkerPool workerPool(
            DocExtractProperties properties,
            JobSettings settings,
            JobClaimer claimer,
            JobLeaseRepository jobs,
            JobCompleter completer,
            ObjectProvider<ExtractionEngine> engine,
            ObjectProvider<JobDocuments> documents,
            InstantSource clock,
            JobMetrics metrics,
            QueueSignal signal,
            JsonMapper json) {
        int size = properties.runsWorkers() ? properties.workers() : 0;
        if (size > 0 && (engine.getIfAvailable() == null || documents.getIfAvailable() == null)) {
            log.warn(
                    "no {} available: this process runs no workers",
                    engine.getIfAvailable() == null ? "extraction engine" : "document store");
            size = 0;
        }
        JobRunner.Factory runners = threads -> new JobRunner(
                jobs, documents.getObject(), engine.getObject(), completer, threads, settings.timeout(), json);
        return new WorkerPool(
                claimer, runners, jobs, completer, settings, clock, metrics, signal, WorkerIdentity.create(), size);
    }
}
