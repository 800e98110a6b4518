package io.docextract.engine.fields;

import io.docextract.engine.FieldLocation;

/** The answer for one scalar field: the typed value, its calibrated confidence and location. */
public record FieldValue(Object value, double confidence, FieldLocation location) {

    static final FieldValue MISSING = new FieldValue(null, 0, null);
}
