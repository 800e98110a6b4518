package io.docextract.engine;

import java.util.List;
import java.util.Objects;

/**
 * One field of an extractor: what to look for. {@code name} is null only for the {@code items}
 * of an array. {@code items} is set for arrays, {@code properties} for objects, {@code enumValues}
 * optionally for text.
 */
public record FieldSpec(
        String name,
        FieldType type,
        String description,
        boolean required,
        List<String> enumValues,
        FieldSpec items,
        List<FieldSpec> properties) {

    public FieldSpec {
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    /** A scalar field, the common case. */
    public static FieldSpec of(String name, FieldType type, String description) {
        return new FieldSpec(name, type, description, false, List.of(), null, List.of());
    }
}
