package io.docextract.server.extractors;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.Ids;
import io.docextract.server.auth.Caller;
import io.docextract.server.storage.ReadCache;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extractor definitions: create, read, edit (with version history) and archive. Reads are not
 * transactional on purpose: on SQLite every transaction takes the write lock.
 */
@Service
public class ExtractorService {

    /** How long a submit may go on seeing an extractor changed by another process. */
    static final Duration SUMMARY_TTL = Duration.ofSeconds(5);

    private final ExtractorRepository extractors;
    private final InstantSource clock;
    // Every submit reads its extractor's summary; changes made here forget them after commit.
    private final ReadCache<SummaryKey, ExtractorSummary> summaries = new ReadCache<>(SUMMARY_TTL, 10_000);

    private record SummaryKey(String orgId, String id) {}

    public ExtractorService(ExtractorRepository extractors, InstantSource clock) {
        this.extractors = extractors;
        this.clock = clock;
    }

    /** One page of an organization's extractors and the number of all that match. */
    public record Page(List<Extractor> extractors, long total) {}

    @Transactional
    public Extractor create(Caller caller, ExtractorInput input) {
        // Stored as epoch milliseconds: answer exactly what a later read will.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Extractor extractor = new Extractor(
                Ids.newId("ext"),
                caller.orgId(),
                input.name(),
                input.documentType(),
                input.description(),
                input.fieldDefinitions(),
                input.isActive() == null || input.isActive(),
                1,
                0,
                caller.keyId(),
                now,
                now);
        extractors.insert(extractor);
        extractors.insertVersion(versionOf(extractor, now));
        return extractor;
    }

    public Page list(Caller caller, Boolean active, int limit, int offset) {
        return new Page(
                extractors.list(caller.orgId(), active, limit, offset), extractors.count(caller.orgId(), active));
    }

    /** @throws ApiException {@code extractor_not_found} when it is not this organization's */
    public Extractor get(Caller caller, String id) {
        return extractors.find(caller.orgId(), id).orElseThrow(() -> notFound(id));
    }

    /**
     * Applies the given changes. A change of the fields or the document type (what the engine
     * works from) makes a new version; jobs already submitted keep theirs.
     */
    @Transactional
    public Extractor update(Caller caller, String id, ExtractorInput input) {
        Extractor current = get(caller, id);
        List<FieldDefinition> fields =
                input.fieldDefinitions() != null ? input.fieldDefinitions() : current.fieldDefinitions();
        String documentType = input.documentType() != null ? input.documentType() : current.documentType();
        boolean newVersion = !fields.equals(current.fieldDefinitions()) || !documentType.equals(current.documentType());
        // Stored as epoch milliseconds: answer exactly what a later read will.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Extractor updated = new Extractor(
                current.id(),
                current.orgId(),
                input.name() != null ? input.name() : current.name(),
                documentType,
                input.descriptionSet() ? input.description() : current.description(),
                fields,
                input.isActive() != null ? input.isActive() : current.isActive(),
                newVersion ? current.version() + 1 : current.version(),
                current.usageCount(),
                current.createdBy(),
                current.createdAt(),
                changed(current, input, fields, documentType) ? now : current.updatedAt());
        if (!extractors.update(updated, current.version())) {
            // Transactions serialize writers, so only a concurrent delete of the org can get here.
            throw notFound(id);
        }
        if (newVersion) {
            extractors.insertVersion(versionOf(updated, now));
        }
        summaries.forgetAfterCommit();
        return extractors.find(caller.orgId(), id).orElseThrow(() -> notFound(id));
    }

    /** Archives the extractor: it takes no new jobs; its jobs stay readable. */
    @Transactional
    public Extractor archive(Caller caller, String id) {
        return update(caller, id, new ExtractorInput(null, null, null, false, null, false));
    }

    /** The definition a job runs with. */
    public ExtractorVersion version(String extractorId, int version) {
        return extractors
                .findVersion(extractorId, version)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.EXTRACTOR_NOT_FOUND, "No version " + version + " of extractor " + extractorId + "."));
    }

    /**
     * The extractor a new job is submitted against.
     *
     * @throws ApiException {@code extractor_not_found}, or {@code extractor_inactive} when archived
     */
    public ExtractorSummary forSubmission(String orgId, String id) {
        ExtractorSummary extractor = summaries.get(
                new SummaryKey(orgId, id),
                key -> extractors.findSummary(key.orgId(), key.id()).orElse(null));
        if (extractor == null) {
            throw notFound(id);
        }
        if (!extractor.isActive()) {
            throw new ApiException(
                    ErrorCode.EXTRACTOR_INACTIVE, "Extractor " + id + " is archived and takes no new documents.");
        }
        return extractor;
    }

    private static boolean changed(
            Extractor current, ExtractorInput input, List<FieldDefinition> fields, String documentType) {
        return !fields.equals(current.fieldDefinitions())
                || !documentType.equals(current.documentType())
                || (input.name() != null && !input.name().equals(current.name()))
                || (input.descriptionSet() && !Objects.equals(input.description(), current.description()))
                || (input.isActive() != null && input.isActive() != current.isActive());
    }

    private static ExtractorVersion versionOf(Extractor extractor, Instant now) {
        return new ExtractorVersion(
                extractor.id(),
                extractor.version(),
                extractor.documentType(),
                extractor.description(),
                extractor.fieldDefinitions(),
                now);
    }

    private static ApiException notFound(String id) {
        return new ApiException(ErrorCode.EXTRACTOR_NOT_FOUND, "No extractor " + id + " in this organization.");
    }
}
