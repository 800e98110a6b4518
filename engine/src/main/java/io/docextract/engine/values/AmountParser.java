package io.docextract.engine.values;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads one amount from a short text that should hold nothing but the amount and its currency
 * (a table cell, a value after a label), in every convention {@link AmountScanner} knows.
 */
public final class AmountParser {

    /** An amount and the currency written with it (null when none was written). */
    public record Amount(BigDecimal value, String currency) {}

    private final AmountScanner scanner;

    public AmountParser(AmountScanner scanner) {
        this.scanner = scanner;
    }

    public AmountParser() {
        this(new AmountScanner());
    }

    /** The amount the whole text states, ignoring surrounding punctuation; empty if none. */
    public Optional<BigDecimal> parse(String text, DocumentContext context) {
        return parseAmount(text, context).map(Amount::value);
    }

    /** As {@link #parse}, with the ISO code of the currency written next to the amount. */
    public Optional<Amount> parseAmount(String text, DocumentContext context) {
        ValueMatch best = null;
        for (ValueMatch match : scanner.scan(text, context)) {
            if (DateParser.isOnlyPunctuation(text, 0, match.start())
                    && DateParser.isOnlyPunctuation(text, match.end(), text.length())
                    && (best == null || match.end() - match.start() > best.end() - best.start())) {
                best = match;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String currency = null;
        for (CurrencyMarks.Mark mark : CurrencyMarks.all(text.substring(best.start(), best.end()))) {
            if (currency == null) {
                currency = CurrencyMarks.code(mark.text(), context);
            }
        }
        return Optional.of(new Amount((BigDecimal) best.value(), currency));
    }
}
