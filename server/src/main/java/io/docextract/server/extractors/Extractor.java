package io.docextract.server.extractors;

import java.time.Instant;
import java.util.List;

/** A reusable extraction template of one organization: a document type and typed fields. */
public record Extractor(
        String id,
        String orgId,
        String name,
        String documentType,
        String description,
        List<FieldDefinition> fieldDefinitions,
        boolean isActive,
        int version,
        long usageCount,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public Extractor {
        fieldDefinitions = List.copyOf(fieldDefinitions);
    }
}
