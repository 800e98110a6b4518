package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds plain numbers such as quantities and rates ({@code 2}, {@code 7.5}, {@code 0,85}, {@code
 * 12kg}); {@code 1.000} is read by the document's decimal convention. Values are {@link
 * java.math.BigDecimal}s; a number next to a currency mark or a {@code %} is still a number, with
 * lower quality, because a number field may hold a price or a rate.
 */
public final class NumberScanner implements ValueScanner {

    private static final int MAX_DIGITS = 12;

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        List<NumberToken> tokens = NumberTokens.find(text, context);
        if (tokens.isEmpty()) {
            return List.of();
        }
        DecimalConvention convention = DecimalConvention.of(context);
        Boolean spaceGroups = DecimalConvention.spaceGroupsThousands(context);
        List<ValueMatch> matches = new ArrayList<>(tokens.size());
        for (NumberToken token : tokens) {
            if (token.leadingZero() || token.digits() > MAX_DIGITS) {
                continue;
            }
            double quality = 0.85;
            if (token.hasCurrency() || token.percent()) {
                quality = 0.6;
            } else if (token.plain() && token.digits() > 6) {
                quality = 0.35;
            }
            if (token.reading().guessed()) {
                quality *= convention == DecimalConvention.UNKNOWN ? 0.6 : 0.85;
            }
            if (token.reading().spaceGrouped()) {
                quality *= spaceGroups == null ? 0.75 : spaceGroups ? 0.9 : 0.6;
            }
            if (token.groupTail()) {
                quality *= spaceGroups == null ? 0.85 : spaceGroups ? 0.7 : 0.95;
            }
            if (token.repaired()) {
                quality *= 0.8;
            }
            matches.add(
                    new ValueMatch(token.start(), token.end(), token.reading().value(), quality));
        }
        return matches;
    }
}
