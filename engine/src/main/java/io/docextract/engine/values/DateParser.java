package io.docextract.engine.values;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads one date from a short text that should hold nothing but the date (a table cell, a value
 * after a label), in every format {@link DateScanner} knows.
 */
public final class DateParser {

    private final DateScanner scanner;

    public DateParser(DateScanner scanner) {
        this.scanner = scanner;
    }

    public DateParser() {
        this(new DateScanner());
    }

    /** The date the whole text states, ignoring surrounding punctuation; empty if it states none. */
    public Optional<LocalDate> parse(String text, DocumentContext context) {
        return parseMatch(text, context).map(match -> LocalDate.parse((String) match.value()));
    }

    /** As {@link #parse}, keeping the quality of the reading. */
    public Optional<ValueMatch> parseMatch(String text, DocumentContext context) {
        for (ValueMatch match : scanner.scan(text, context)) {
            if (isOnlyPunctuation(text, 0, match.start()) && isOnlyPunctuation(text, match.end(), text.length())) {
                return Optional.of(match);
            }
        }
        return Optional.empty();
    }

    static boolean isOnlyPunctuation(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
