package io.docextract.server.extractors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.docextract.engine.FieldSpec;
import io.docextract.engine.FieldType;
import java.util.List;

/**
 * A field as the API and the database write it ({@code field_definitions} JSON). {@code name} is
 * absent on an array's {@code items}. Validation lives in the extractors service; this record only
 * carries the shape and converts it for the engine.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldDefinition(
        String name,
        String type,
        String description,
        Boolean required,

        @JsonProperty("enum") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<String> enumValues,

        FieldDefinition items,
        List<FieldDefinition> properties) {

    /** The engine's view of this (already validated) definition. */
    public FieldSpec toSpec() {
        return new FieldSpec(
                name,
                FieldType.fromApiName(type).orElseThrow(() -> new IllegalStateException("unvalidated type " + type)),
                description,
                Boolean.TRUE.equals(required),
                enumValues,
                items == null ? null : items.toSpec(),
                properties == null
                        ? List.of()
                        : properties.stream().map(FieldDefinition::toSpec).toList());
    }
}
