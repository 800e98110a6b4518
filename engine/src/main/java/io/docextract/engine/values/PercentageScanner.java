package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds percentages ({@code 19%}, {@code 7,5 %}); the value is the number before the sign as a
 * {@link java.math.BigDecimal} ({@code 19}, not {@code 0.19}). They are kept apart from amounts
 * so that a VAT rate is never read as a total.
 */
public final class PercentageScanner implements ValueScanner {

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        if (text.indexOf('%') < 0) {
            return List.of();
        }
        List<ValueMatch> matches = new ArrayList<>(1);
        for (NumberToken token : NumberTokens.find(text, context)) {
            if (token.percent() && !token.groupTail()) {
                matches.add(new ValueMatch(
                        token.start(), token.end(), token.reading().value(), token.repaired() ? 0.75 : 0.95));
            }
        }
        return matches;
    }
}
