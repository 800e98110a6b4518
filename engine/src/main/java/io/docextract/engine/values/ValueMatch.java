package io.docextract.engine.values;

/**
 * A typed value found in a text: characters {@code [start, end)} of the scanned text, the
 * normalized value, and how cleanly it parsed (1 = unambiguous and well-formed, lower for
 * readings that needed guessing or repair, e.g. an OCR-damaged amount or an ambiguous date).
 *
 * <p>Values: dates as {@code yyyy-mm-dd} strings, amounts and numbers as {@link
 * java.math.BigDecimal}, booleans as {@link Boolean}, emails lower-cased, phones in E.164 where
 * the country is known (else as printed), identifiers upper-case without spaces.
 */
public record ValueMatch(int start, int end, Object value, double quality) {}
