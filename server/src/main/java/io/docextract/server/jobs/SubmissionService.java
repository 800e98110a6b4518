package io.docextract.server.jobs;

import io.docextract.engine.document.DocumentFormat;
import io.docextract.server.ApiException;
import io.docextract.server.ApiException.Detail;
import io.docextract.server.DocExtractProperties;
import io.docextract.server.ErrorCode;
import io.docextract.server.Ids;
import io.docextract.server.auth.Caller;
import io.docextract.server.blobs.BlobStore;
import io.docextract.server.extractors.ExtractorService;
import io.docextract.server.extractors.ExtractorSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates jobs: checks a submission, stores its bytes, then inserts the queued job. The bytes are
 * stored before the row is committed, so a crash leaves at worst an unreferenced blob, never a job
 * without its document.
 */
@Service
public class SubmissionService {

    public static final int MAX_METADATA_KEYS = 50;
    public static final int MAX_METADATA_KEY_LENGTH = 40;
    public static final int MAX_METADATA_STRING_LENGTH = 500;
    public static final int MAX_FILENAME_LENGTH = 255;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    public static final String REPROCESSED_FROM = "reprocessed_from";

    private final ExtractorService extractors;
    private final JobRepository jobs;
    private final JobInsertQueue inserts;
    private final IdempotencyRepository idempotency;
    private final BlobStore blobs;
    private final InstantSource clock;
    private final JsonMapper json;
    private final List<SubmissionGuard> guards;
    private final ApplicationEventPublisher events;
    private final long maxDocumentBytes;

    public SubmissionService(
            ExtractorService extractors,
            JobRepository jobs,
            JobInsertQueue inserts,
            IdempotencyRepository idempotency,
            BlobStore blobs,
            InstantSource clock,
            JsonMapper json,
            List<SubmissionGuard> guards,
            ApplicationEventPublisher events,
            DocExtractProperties properties) {
        this.extractors = extractors;
        this.jobs = jobs;
        this.inserts = inserts;
        this.idempotency = idempotency;
        this.blobs = blobs;
        this.clock = clock;
        this.json = json;
        this.guards = List.copyOf(guards);
        this.events = events;
        this.maxDocumentBytes = properties.maxDocumentBytes();
    }

    /** A created (or, for a repeated idempotent request, the original) job. */
    public record Submitted(Job job, boolean replayed) {}

    /** The outcome of a batch: the jobs made and, by index, the items refused. */
    public record BatchOutcome(List<Job> jobs, Map<Integer, ApiException> errors) {}

    /**
     * Submits one document.
     *
     * @param idempotencyKey the {@code Idempotency-Key} header, or null
     */
    public Submitted submit(Caller caller, Submission submission, String idempotencyKey) {
        if (idempotencyKey != null
                && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw ApiException.validation(
                    "Idempotency-Key", "must be between 1 and " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        Checked checked = check(submission);
        String requestHash = null;
        if (idempotencyKey != null) {
            requestHash = requestHash(checked);
            Optional<Submitted> earlier = replay(caller, idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ExtractorSummary extractor = extractors.forSubmission(caller.orgId(), checked.extractorId());
        return create(caller, extractor, checked, idempotencyKey, requestHash);
    }

    /** Submits each item on its own; one item's failure does not affect the others. */
    public BatchOutcome submitBatch(Caller caller, List<Submission> submissions) {
        List<Job> created = new ArrayList<>();
        Map<Integer, ApiException> errors = new TreeMap<>();
        for (int i = 0; i < submissions.size(); i++) {
            try {
                created.add(submit(caller, submissions.get(i), null).job());
            } catch (ApiException e) {
                errors.put(i, e);
            }
        }
        return new BatchOutcome(created, errors);
    }

    /**
     * A new job on the stored bytes of an existing one, with the given extractor (or the original
     * one, at its current version). Its metadata is the original's plus {@code reprocessed_from}.
     */
    public Job reprocess(Caller caller, String jobId, String extractorId) {
        Job original =
                jobs.find(caller.orgId(), caller.testMode(), jobId).orElseThrow(() -> JobService.notFound(jobId));
        ExtractorSummary extractor =
                extractors.forSubmission(caller.orgId(), extractorId != null ? extractorId : original.extractorId());
        ObjectNode metadata = (ObjectNode) json.readTree(original.metadata());
        metadata.put(REPROCESSED_FROM, original.id());
        byte[] bytes = readBlob(original);
        Checked checked = new Checked(
                extractor.id(), bytes, original.mimeType(), original.filename(), json.writeValueAsString(metadata));
        return create(caller, extractor, checked, null, null).job();
    }

    private byte[] readBlob(Job original) {
        if (original.blobKey() == null) {
            throw JobService.notFound(original.id());
        }
        try (BlobStore.Blob blob =
                blobs.open(original.blobKey()).orElseThrow(() -> JobService.notFound(original.id()))) {
            return blob.content().readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the document of " + original.id(), e);
        }
    }

    /** A submission that passed every rule, with its effective type and metadata JSON. */
    private record Checked(String extractorId, byte[] document, String mimeType, String filename, String metadata) {}

    private Checked check(Submission submission) {
        List<Detail> details = new ArrayList<>(submission.problems());
        String extractorId = submission.extractorId();
        if (extractorId == null || extractorId.isBlank()) {
            if (details.stream().noneMatch(d -> d.field().equals("extractor_id"))) {
                details.add(new Detail("extractor_id", "is required"));
            }
        }
        if (submission.document() == null) {
            if (details.stream()
                    .noneMatch(d -> d.field().equals("document") || d.field().equals("file"))) {
                details.add(new Detail(submission.sniffMimeType() ? "file" : "document", "is required"));
            }
        } else if (submission.document().length == 0) {
            details.add(new Detail(submission.sniffMimeType() ? "file" : "document", "must not be empty"));
        }
        if (submission.mimeType() == null
                && !submission.sniffMimeType()
                && details.stream().noneMatch(d -> d.field().equals("mime_type"))) {
            details.add(new Detail("mime_type", "is required"));
        }
        if (submission.filename() != null && submission.filename().length() > MAX_FILENAME_LENGTH) {
            details.add(new Detail("filename", "must be at most " + MAX_FILENAME_LENGTH + " characters"));
        }
        String metadata = metadata(submission.metadata(), details);
        if (!details.isEmpty()) {
            throw ApiException.validation(details);
        }
        byte[] bytes = submission.document();
        if (bytes.length > maxDocumentBytes) {
            throw tooLarge(maxDocumentBytes);
        }
        DocumentFormat format;
        if (submission.mimeType() == null) {
            format = DocumentFormat.sniff(bytes)
                    .orElseThrow(() ->
                            new ApiException(ErrorCode.UNSUPPORTED_FILE_TYPE, "The file is not of a supported type."));
        } else {
            format = DocumentFormat.fromMimeType(submission.mimeType())
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.UNSUPPORTED_FILE_TYPE,
                            "The type " + submission.mimeType() + " is not supported."));
            if (!format.matches(bytes)) {
                throw new ApiException(
                        ErrorCode.MIME_TYPE_MISMATCH,
                        "The document's bytes are not " + format.mimeType() + " as declared.");
            }
        }
        return new Checked(extractorId.strip(), bytes, format.mimeType(), submission.filename(), metadata);
    }

    /** The 413 for a document over the limit. */
    public static ApiException tooLarge(long limit) {
        return new ApiException(
                ErrorCode.FILE_TOO_LARGE,
                "The document is over the size limit of " + limit + " bytes (" + (limit / (1024 * 1024)) + " MB).");
    }

    private String metadata(JsonNode metadata, List<Detail> details) {
        if (metadata == null || metadata.isNull()) {
            return "{}";
        }
        if (!metadata.isObject()) {
            details.add(new Detail("metadata", "must be a JSON object"));
            return "{}";
        }
        if (metadata.size() > MAX_METADATA_KEYS) {
            details.add(new Detail("metadata", "must have at most " + MAX_METADATA_KEYS + " keys"));
        }
        for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
            String key = entry.getKey();
            String path = "metadata." + key;
            JsonNode value = entry.getValue();
            if (key.isEmpty() || key.length() > MAX_METADATA_KEY_LENGTH) {
                details.add(new Detail(path, "key must be between 1 and " + MAX_METADATA_KEY_LENGTH + " characters"));
            }
            if (value.isString()) {
                if (value.stringValue().length() > MAX_METADATA_STRING_LENGTH) {
                    details.add(new Detail(path, "must be at most " + MAX_METADATA_STRING_LENGTH + " characters"));
                }
            } else if (!value.isNumber() && !value.isBoolean()) {
                details.add(new Detail(path, "must be a string, a number or a boolean"));
            }
        }
        return json.writeValueAsString(metadata);
    }

    private Optional<Submitted> replay(Caller caller, String key, String requestHash) {
        Instant windowStart = clock.instant().minus(IDEMPOTENCY_WINDOW);
        return idempotency
                .find(caller.orgId(), caller.testMode(), key)
                .filter(entry -> !entry.createdAt().isBefore(windowStart))
                .map(entry -> answerFor(caller, key, entry, requestHash));
    }

    private Submitted answerFor(Caller caller, String key, IdempotencyRepository.Entry entry, String requestHash) {
        if (!entry.requestHash().equals(requestHash)) {
            throw new ApiException(
                    ErrorCode.IDEMPOTENCY_CONFLICT,
                    "The Idempotency-Key " + key + " was already used with a different request.");
        }
        Job original = jobs.find(caller.orgId(), caller.testMode(), entry.jobId())
                .orElseThrow(() -> new ApiException(
                        ErrorCode.JOB_NOT_FOUND,
                        "The job " + entry.jobId() + " this Idempotency-Key created has been deleted."));
        return new Submitted(original, true);
    }

    private Submitted create(
            Caller caller, ExtractorSummary extractor, Checked checked, String idempotencyKey, String requestHash) {
        PendingSubmission pending =
                new PendingSubmission(caller, extractor, checked.mimeType(), checked.document().length);
        for (SubmissionGuard guard : guards) {
            guard.check(pending);
        }
        // Stored as epoch milliseconds: answer exactly what a later read will.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = Ids.newId("job");
        Job job = Job.queued(
                id,
                caller.orgId(),
                extractor.id(),
                extractor.version(),
                caller.keyId(),
                caller.testMode(),
                checked.mimeType(),
                checked.filename(),
                checked.document().length,
                id,
                checked.metadata(),
                now);
        blobs.put(job.blobKey(), checked.document());
        boolean inserted;
        try {
            inserted = inserts.insert(
                    job,
                    idempotencyKey == null
                            ? null
                            : new JobInsertQueue.IdempotencyClaim(
                                    idempotencyKey, requestHash, now.minus(IDEMPOTENCY_WINDOW)));
        } catch (RuntimeException e) {
            blobs.delete(job.blobKey());
            throw e;
        }
        if (!inserted) {
            // A concurrent request with the same key won the race: answer as its repeat.
            blobs.delete(job.blobKey());
            return replay(caller, idempotencyKey, requestHash)
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.IDEMPOTENCY_CONFLICT, "The Idempotency-Key " + idempotencyKey + " is in use."));
        }
        events.publishEvent(new JobSubmitted(id, caller.orgId(), caller.testMode()));
        return new Submitted(job, false);
    }

    private String requestHash(Checked checked) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] documentHash = MessageDigest.getInstance("SHA-256").digest(checked.document());
            Map<String, JsonNode> sortedMetadata = new TreeMap<>();
            json.readTree(checked.metadata()).properties().forEach(e -> sortedMetadata.put(e.getKey(), e.getValue()));
            String canonical = String.join(
                    "\n",
                    checked.extractorId(),
                    checked.mimeType(),
                    String.valueOf(checked.filename()),
                    json.writeValueAsString(sortedMetadata),
                    HexFormat.of().formatHex(documentHash));
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
