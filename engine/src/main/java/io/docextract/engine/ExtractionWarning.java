package io.docextract.engine;

/** A non-fatal remark about a result, e.g. {@code required_field_missing} for a field. */
public record ExtractionWarning(String code, String field, String message) {}
