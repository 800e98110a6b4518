package io.docextract.server.jobs;

import io.docextract.engine.DocumentInput;
import io.docextract.engine.ExtractionEngine;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.ExtractionResult;
import io.docextract.engine.ExtractorSpec;
import io.docextract.server.extractors.FieldDefinition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one attempt of a claimed job: reads the extractor version and the bytes, runs the engine on
 * its own thread under the job timeout, and ends the attempt through the {@link JobCompleter}. No
 * database connection is held while the engine runs.
 */
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {};

    private final JobLeaseRepository jobs;
    private final JobDocuments documents;
    private final ExtractionEngine engine;
    private final JobCompleter completer;
    private final ExecutorService extractionThreads;
    private final Duration timeout;
    private final JsonMapper json;

    public JobRunner(
            JobLeaseRepository jobs,
            JobDocuments documents,
            ExtractionEngine engine,
            JobCompleter completer,
            ExecutorService extractionThreads,
            Duration timeout,
            JsonMapper json) {
        this.jobs = jobs;
        this.documents = documents;
        this.engine = engine;
        this.completer = completer;
        this.extractionThreads = extractionThreads;
        this.timeout = timeout;
        this.json = json;
    }

    /** Makes runners that run the engine on the given threads (the pool owns their lifecycle). */
    @FunctionalInterface
    public interface Factory {
        JobRunner create(ExecutorService extractionThreads);
    }

    public JobCompleter.Outcome run(RunningJob running) {
        ClaimedJob job = running.job();
        MDC.put("job_id", job.id());
        try {
            log.info("attempt {} started", job.attempts());
            return attempt(running);
        } finally {
            MDC.remove("job_id");
        }
    }

    private JobCompleter.Outcome attempt(RunningJob running) {
        ClaimedJob job = running.job();
        ExtractorDefinition definition;
        ExtractorSpec spec;
        DocumentInput document;
        try {
            definition = jobs.extractorDefinition(job.extractorId(), job.extractorVersion())
                    .orElseThrow(() -> new IllegalStateException(
                            "extractor " + job.extractorId() + " has no version " + job.extractorVersion()));
            spec = spec(definition);
            document = new DocumentInput(documents.read(job.blobKey()), job.mimeType(), job.filename());
        } catch (RuntimeException e) {
            log.error("cannot load the job's extractor or document", e);
            return failed(running, JobErrorCode.INTERNAL_ERROR, "The stored document or extractor could not be read.");
        }
        Future<ExtractionResult> extraction = extractionThreads.submit(() -> {
            MDC.put("job_id", job.id());
            try {
                return engine.extract(document, spec);
            } finally {
                MDC.remove("job_id");
            }
        });
        running.attach(extraction);
        ExtractionResult result;
        try {
            result = extraction.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            extraction.cancel(true);
            return failed(running, JobErrorCode.EXTRACTION_TIMEOUT, "Extraction took longer than " + timeout + ".");
        } catch (CancellationException e) {
            return interrupted(running);
        } catch (InterruptedException e) {
            extraction.cancel(true);
            running.release();
            Thread.currentThread().interrupt();
            return interrupted(running);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExtractionException extractionError) {
                return failed(running, JobErrorCode.of(extractionError.code()), extractionError.getMessage());
            }
            log.error("extraction failed unexpectedly", cause);
            return failed(running, JobErrorCode.INTERNAL_ERROR, JobErrorCode.INTERNAL_ERROR.defaultMessage());
        }
        if (running.state() != RunningJob.State.RUNNING) {
            return interrupted(running);
        }
        try {
            return completer.complete(job, definition.documentType(), result);
        } catch (RuntimeException e) {
            // A listener (credits, webhooks) or the write failed and the completion rolled back.
            log.error("completing the job failed", e);
            return failed(running, JobErrorCode.INTERNAL_ERROR, JobErrorCode.INTERNAL_ERROR.defaultMessage());
        }
    }

    private JobCompleter.Outcome failed(RunningJob running, JobErrorCode code, String message) {
        if (running.state() != RunningJob.State.RUNNING) {
            return interrupted(running);
        }
        return completer.failOrRetry(running.job(), code, message);
    }

    private JobCompleter.Outcome interrupted(RunningJob running) {
        return switch (running.state()) {
            case RELEASING -> completer.release(running.job());
            case LEASE_LOST, RUNNING -> {
                log.warn("attempt stopped: the lease was lost; its result is dropped");
                yield JobCompleter.Outcome.LEASE_LOST;
            }
        };
    }

    private ExtractorSpec spec(ExtractorDefinition definition) {
        List<FieldDefinition> fields = json.readValue(definition.fieldDefinitionsJson(), FIELDS);
        return new ExtractorSpec(
                definition.documentType(),
                definition.description(),
                fields.stream().map(FieldDefinition::toSpec).toList());
    }
}
