package io.docextract.engine;

import java.util.List;

/** What the engine is asked to extract: the document type and the fields, in order. */
public record ExtractorSpec(String documentType, String description, List<FieldSpec> fields) {

    public ExtractorSpec {
        documentType = documentType == null ? "" : documentType;
        description = description == null ? "" : description;
        fields = List.copyOf(fields);
    }
}
