package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds money amounts in any separator convention ({@code 1,234.56}, {@code 1.234,56}, {@code 1
 * 234,56}, {@code 1'234.56}, {@code .50}) with currency symbols or codes before or after and
 * negatives written {@code -12.00}, {@code 12.00-}, {@code (12.00)}, {@code 12.00 CR}. Values are
 * {@link java.math.BigDecimal}s. Percentages, dates, phone numbers and labelled identifiers are
 * not amounts; bare whole numbers are reported with low quality, since only a label can tell a
 * total of 250 from a count of 250.
 */
public final class AmountScanner implements ValueScanner {

    /** Whole numbers longer than this without a currency mark are identifiers. */
    private static final int MAX_BARE_WHOLE_DIGITS = 7;

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        List<NumberToken> tokens = NumberTokens.find(text, context);
        if (tokens.isEmpty()) {
            return List.of();
        }
        Boolean spaceGroups = DecimalConvention.spaceGroupsThousands(context);
        DecimalConvention convention = DecimalConvention.of(context);
        List<ValueMatch> matches = new ArrayList<>(tokens.size());
        for (NumberToken token : tokens) {
            if (token.percent() || token.unitGlued() || token.leadingZero() || token.digits() > 15) {
                continue;
            }
            if (!token.hasCurrency() && token.plain() && token.digits() > MAX_BARE_WHOLE_DIGITS) {
                continue;
            }
            matches.add(new ValueMatch(
                    token.start(), token.end(), token.reading().value(), quality(token, convention, spaceGroups)));
        }
        return matches;
    }

    static double quality(NumberToken token, DecimalConvention convention, Boolean spaceGroups) {
        int decimals = token.reading().decimals();
        boolean currency = token.hasCurrency();
        double quality;
        if (decimals == 2) {
            quality = currency ? 0.97 : 0.8;
        } else if (decimals == 0) {
            quality = currency ? 0.75 : 0.3;
        } else {
            quality = currency ? 0.7 : 0.45;
        }
        if (token.reading().guessed()) {
            quality *= convention == DecimalConvention.UNKNOWN ? 0.7 : 0.85;
        }
        if (token.reading().spaceGrouped()) {
            quality *= spaceGroups == null ? 0.85 : spaceGroups ? 0.95 : 0.7;
        }
        if (token.groupTail()) {
            quality *= spaceGroups == null ? 0.8 : spaceGroups ? 0.65 : 0.95;
        }
        if (token.repaired()) {
            quality *= 0.8;
        }
        return quality;
    }
}
