package io.docextract.server.extractors;

import io.docextract.engine.ExtractorSpec;
import io.docextract.server.credits.Pricing;
import java.time.Instant;
import java.util.List;

/**
 * The definition an extractor had at one version. Jobs run against the version they were
 * submitted with, so later edits never change a queued or finished job.
 */
public record ExtractorVersion(
        String extractorId,
        int version,
        String documentType,
        String description,
        List<FieldDefinition> fieldDefinitions,
        Instant createdAt) {

    public ExtractorVersion {
        fieldDefinitions = List.copyOf(fieldDefinitions);
    }

    /** What the engine needs to run this version. */
    public ExtractorSpec toSpec() {
        return new ExtractorSpec(
                documentType,
                description,
                fieldDefinitions.stream().map(FieldDefinition::toSpec).toList());
    }

    /** Credits a completed job of this version costs for the given page count. */
    public int credits(int pages) {
        return Pricing.credits(documentType, pages);
    }
}
