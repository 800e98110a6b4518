package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.ApiException.Detail;
import io.docextract.server.auth.Caller;
import io.docextract.server.auth.Scope;
import io.docextract.server.jobs.ExportFormat;
import io.docextract.server.jobs.Job;
import io.docextract.server.jobs.JobExportService;
import io.docextract.server.jobs.JobFilter;
import io.docextract.server.jobs.JobService;
import io.docextract.server.jobs.JobStats;
import io.docextract.server.jobs.JobStatsService;
import io.docextract.server.jobs.JobWaiter;
import io.docextract.server.jobs.Submission;
import io.docextract.server.jobs.SubmissionService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.JsonNode;

/** {@code /v1/documents}: submitting documents and reading, listing and deleting their jobs. */
@RestController
@RequestMapping("/v1/documents")
public class DocumentController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_WAIT_SECONDS = 60;
    static final int MAX_BATCH = 100;

    private final SubmissionService submissions;
    private final JobService jobs;
    private final JobWaiter waiter;
    private final SubmissionReader reader;
    private final JobViews views;
    private final ErrorResponses errors;
    private final JobStatsService stats;
    private final JobExportService exports;

    public DocumentController(
            SubmissionService submissions,
            JobService jobs,
            JobWaiter waiter,
            SubmissionReader reader,
            JobViews views,
            ErrorResponses errors,
            JobStatsService stats,
            JobExportService exports) {
        this.submissions = submissions;
        this.jobs = jobs;
        this.waiter = waiter;
        this.reader = reader;
        this.views = views;
        this.errors = errors;
        this.stats = stats;
        this.exports = exports;
    }

    /** The list answer. */
    public record JobList(List<JobView> jobs, long total, int limit, int offset, boolean hasMore) {}

    /** The batch answer. */
    public record BatchResult(List<JobView> jobs, List<BatchError> errors) {}

    /** A refused batch item: its index in the request and the error it would have answered alone. */
    public record BatchError(int index, ErrorBody.Error error) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> submitJson(
            Caller caller,
            HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        caller.require(Scope.DOCUMENTS_WRITE);
        Submission submission;
        try {
            submission = reader.fromJson(request.getInputStream(), request.getContentLengthLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer(submissions.submit(caller, submission, idempotencyKey), request);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JobView> submitMultipart(
            Caller caller,
            MultipartHttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        caller.require(Scope.DOCUMENTS_WRITE);
        return answer(submissions.submit(caller, reader.fromMultipart(request), idempotencyKey), request);
    }

    private ResponseEntity<JobView> answer(SubmissionService.Submitted submitted, HttpServletRequest request) {
        JobView view = views.of(submitted.job(), request);
        if (submitted.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view);
    }

    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchResult> batch(Caller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        caller.require(Scope.DOCUMENTS_WRITE);
        JsonNode documents = body == null ? null : body.get("documents");
        if (documents == null || !documents.isArray()) {
            throw ApiException.validation("documents", "must be an array of submissions");
        }
        if (documents.isEmpty() || documents.size() > MAX_BATCH) {
            throw ApiException.validation("documents", "must hold between 1 and " + MAX_BATCH + " submissions");
        }
        List<Submission> items = new ArrayList<>();
        Map<Integer, ApiException> unreadable = new java.util.TreeMap<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                items.add(reader.fromTree(documents.get(i)));
            } catch (ApiException e) {
                unreadable.put(i, e);
                items.add(null);
            }
        }
        // Readable items are submitted in order; unreadable ones keep their index in the errors.
        List<Submission> readable =
                items.stream().filter(java.util.Objects::nonNull).toList();
        SubmissionService.BatchOutcome outcome = submissions.submitBatch(caller, readable);
        List<BatchError> batchErrors = new ArrayList<>();
        int readableIndex = 0;
        for (int i = 0; i < items.size(); i++) {
            ApiException error =
                    items.get(i) == null ? unreadable.get(i) : outcome.errors().get(readableIndex++);
            if (error != null) {
                batchErrors.add(new BatchError(i, errors.body(error, request).error()));
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new BatchResult(views.of(outcome.jobs(), request), batchErrors));
    }

    @GetMapping("/{id}")
    DeferredResult<ResponseEntity<JobView>> get(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String wait,
            HttpServletRequest request) {
        caller.require(Scope.DOCUMENTS_READ);
        Duration waitFor = waitDuration(wait);
        Job job = jobs.get(caller, id);
        String base = views.baseUrl(request);
        DeferredResult<ResponseEntity<JobView>> result =
                new DeferredResult<>(waitFor.toMillis() + Duration.ofSeconds(30).toMillis());
        if (job.status().isTerminal() || waitFor.isZero()) {
            result.setResult(ResponseEntity.ok(views.of(job, base)));
            return result;
        }
        // No thread and no connection is held while waiting; the job is read again when it ends.
        waiter.awaitFinished(id, waitFor).whenComplete((ignored, error) -> {
            try {
                result.setResult(ResponseEntity.ok(views.of(jobs.get(caller, id), base)));
            } catch (RuntimeException e) {
                result.setErrorResult(e);
            }
        });
        return result;
    }

    private static Duration waitDuration(String wait) {
        if (wait == null || wait.isBlank()) {
            return Duration.ZERO;
        }
        try {
            double seconds = Double.parseDouble(wait.strip());
            if (seconds >= 0 && seconds <= MAX_WAIT_SECONDS) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.validation("wait", "must be a number of seconds between 0 and " + MAX_WAIT_SECONDS);
    }

    @GetMapping
    JobList list(Caller caller, @RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
        caller.require(Scope.DOCUMENTS_READ);
        DocumentQuery query = DocumentQuery.parse(caller, parameters, true);
        JobService.Page page = jobs.list(
                query.filter(),
                query.order(),
                query.paging().limit(),
                query.paging().offset());
        return new JobList(
                views.of(page.jobs(), request),
                page.total(),
                query.paging().limit(),
                query.paging().offset(),
                query.paging().hasMore(page.total(), page.jobs().size()));
    }

    @GetMapping("/stats")
    JobStats stats(Caller caller, @RequestParam MultiValueMap<String, String> parameters) {
        caller.require(Scope.DOCUMENTS_READ);
        List<Detail> details = new ArrayList<>();
        String periodValue = DocumentQuery.single(parameters, "period", details);
        Instant after = DocumentQuery.instant(
                "created_after", DocumentQuery.single(parameters, "created_after", details), details);
        Instant before = DocumentQuery.instant(
                "created_before", DocumentQuery.single(parameters, "created_before", details), details);
        String extractorId = DocumentQuery.single(parameters, "extractor_id", details);
        JobStatsService.Period period = JobStatsService.Period.D30;
        if (periodValue != null) {
            period = JobStatsService.Period.fromValue(periodValue.strip()).orElse(null);
            if (period == null) {
                details.add(new Detail("period", "must be one of 1h, 24h, 7d, 30d, 90d, all"));
            } else if (after != null || before != null) {
                details.add(new Detail("period", "cannot be combined with created_after or created_before"));
            }
        }
        if (!details.isEmpty()) {
            throw ApiException.validation(details);
        }
        JobFilter filter = new JobFilter(
                caller.orgId(),
                caller.testMode(),
                extractorId == null || extractorId.isBlank() ? null : extractorId.strip(),
                Set.of(),
                after,
                before,
                null,
                Map.of());
        return after != null || before != null ? stats.forRange(filter) : stats.forPeriod(filter, period);
    }

    @GetMapping("/export")
    void export(Caller caller, @RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response)
            throws IOException {
        caller.require(Scope.DOCUMENTS_READ);
        List<Detail> details = new ArrayList<>();
        String formatValue = DocumentQuery.single(parameters, "format", details);
        ExportFormat format = formatValue == null
                ? ExportFormat.CSV
                : ExportFormat.fromValue(formatValue.strip()).orElse(null);
        if (format == null) {
            details.add(new Detail("format", "must be csv, json or ndjson"));
        }
        if (!details.isEmpty()) {
            throw ApiException.validation(details);
        }
        DocumentQuery query = DocumentQuery.parse(caller, parameters, false);
        response.setContentType(format.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("documents." + format.extension())
                        .build()
                        .toString());
        exports.export(query.filter(), query.order(), format, response.getOutputStream());
    }

    @PostMapping("/{id}/reprocess")
    ResponseEntity<JobView> reprocess(
            Caller caller,
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            HttpServletRequest request) {
        caller.require(Scope.DOCUMENTS_WRITE);
        String extractorId = null;
        if (body != null && !body.isNull() && !body.isMissingNode()) {
            if (!body.isObject()) {
                throw ApiException.validation("body", "must be a JSON object");
            }
            JsonNode extractor = body.get("extractor_id");
            if (extractor != null && !extractor.isNull()) {
                if (!extractor.isString() || extractor.stringValue().isBlank()) {
                    throw ApiException.validation(List.of(new Detail("extractor_id", "must be a string")));
                }
                extractorId = extractor.stringValue().strip();
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(views.of(submissions.reprocess(caller, id, extractorId), request));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        caller.require(Scope.DOCUMENTS_WRITE);
        jobs.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
