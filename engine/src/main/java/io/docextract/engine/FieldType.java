package io.docextract.engine;

import java.util.Locale;
import java.util.Optional;

/** The nine field types of the public API. */
public enum FieldType {
    TEXT,
    NUMBER,
    CURRENCY,
    DATE,
    EMAIL,
    PHONE,
    BOOLEAN,
    ARRAY,
    OBJECT;

    /** The name used in the API ({@code "currency"}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> fromApiName(String name) {
        for (FieldType type : values()) {
            if (type.apiName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public boolean isContainer() {
        return this == ARRAY || this == OBJECT;
    }
}
