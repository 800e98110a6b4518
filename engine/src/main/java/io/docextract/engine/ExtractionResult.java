package io.docextract.engine;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one extraction.
 *
 * <p>{@code data} maps every top-level field name to its typed value: {@link String} for text,
 * dates ({@code yyyy-mm-dd}), emails and phones; {@link java.math.BigDecimal} for numbers and
 * currency; {@link Boolean}; {@link List} for arrays; {@link Map} for objects; {@code null} when
 * not found. Maps keep the extractor's field order.
 *
 * <p>{@code confidence} and {@code locations} are keyed by path: {@code total},
 * {@code line_items[0]}, {@code line_items[0].amount}. A field not found has confidence 0 and
 * no location.
 */
public record ExtractionResult(
        Map<String, Object> data,
        Map<String, Double> confidence,
        Map<String, FieldLocation> locations,
        List<ExtractionWarning> warnings,
        int pageCount) {}
