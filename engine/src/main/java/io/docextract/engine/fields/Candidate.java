package io.docextract.engine.fields;

import io.docextract.engine.layout.Box;

/**
 * A possible value for a field: the normalized value, the words it was read from ({@code
 * [from, to)} of {@code line}; {@code lineSpan} lines for a multi-line block) and how it was
 * found. Inferred candidates (a currency only implied by symbols, a flag that is absent) have
 * no line.
 */
record Candidate(
        Object value,
        String text,
        TextLine line,
        int from,
        int to,
        Box box,
        double quality,
        Source source,
        int lineSpan) {

    /** How a candidate was found; part of its features. */
    enum Source {
        /** A typed scanner read it. */
        SCANNED,
        /** The text after a label in the same segment ("Customer: ACME Ltd"). */
        AFTER_LABEL,
        /** A whole segment. */
        SEGMENT,
        /** A run of identifier-like words. */
        TOKENS,
        /** Several lines of one column joined (addresses). */
        BLOCK,
        /** Implied by the document rather than printed as such. */
        INFERRED
    }

    static Candidate inferred(Object value, double quality) {
        return new Candidate(value, String.valueOf(value), null, 0, 0, null, quality, Source.INFERRED, 0);
    }

    boolean isInferred() {
        return line == null;
    }

    /** Same words of the same line: two fields should not both claim them. */
    boolean overlaps(Candidate other) {
        if (line == null || other.line == null || lineSpan > 1 || other.lineSpan > 1) {
            return false;
        }
        return line.index() == other.line.index() && from < other.to && other.from < to;
    }
}
