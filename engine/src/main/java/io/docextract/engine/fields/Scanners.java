package io.docextract.engine.fields;

import io.docextract.engine.values.DocumentContext;
import io.docextract.engine.values.ValueScanner;
import java.util.List;
import java.util.function.Function;

/**
 * The typed value scanners candidates come from, and the detector of a document's language,
 * country, date order and currency. Currency matches carry ISO 4217 codes as values.
 */
public record Scanners(
        ValueScanner dates,
        ValueScanner amounts,
        ValueScanner numbers,
        ValueScanner emails,
        ValueScanner phones,
        ValueScanner booleans,
        ValueScanner ibans,
        ValueScanner vatIds,
        ValueScanner currencies,
        Function<List<String>, DocumentContext> contextDetector) {}
