package io.docextract.server.jobs;

import io.docextract.engine.ExtractionEngine;
import io.docextract.server.storage.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.InstantSource;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** A worker pool assembled without Spring, the way JobRunnerConfiguration assembles it. */
record TestWorkers(WorkerPool pool, JobMetrics metrics, JobLeaseRepository jobs, JobCompleter completer) {

    static TestWorkers create(
            TestDatabase database,
            ExtractionEngine engine,
            JobDocuments documents,
            JobSettings settings,
            int size,
            List<JobCompletionListener> listeners) {
        return create(database, engine, documents, settings, size, listeners, new QueueSignal());
    }

    static TestWorkers create(
            TestDatabase database,
            ExtractionEngine engine,
            JobDocuments documents,
            JobSettings settings,
            int size,
            List<JobCompletionListener> listeners,
            QueueSignal signal) {
        InstantSource clock = InstantSource.system();
        JsonMapper json = JsonMapper.builder().build();
        JobMetrics metrics = new JobMetrics(new SimpleMeterRegistry());
        JobLeaseRepository jobs = new JobLeaseRepository(database.jdbc(), database.dialect());
        JobCompleter completer = new JobCompleter(
                jobs, database.transactions(), listeners, settings.retryPolicy(), clock, metrics, json, event -> {});
        JobClaimer claimer = new JobClaimer(jobs, database.transactions(), clock, settings.lease());
        WorkerPool pool = new WorkerPool(
                claimer,
                threads -> new JobRunner(jobs, documents, engine, completer, threads, settings.timeout(), json),
                jobs,
                completer,
                settings,
                clock,
                metrics,
                signal,
                WorkerIdentity.create(),
                size);
        return new TestWorkers(pool, metrics, jobs, completer);
    }

    double count(String meter, String... tags) {
        // Summed: several series may match (e.g. every error code with retried=true).
        return metrics.registry().find(meter).tags(tags).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }
}
