package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds currencies named in a text, as ISO 4217 codes: codes ({@code EUR}), symbols ({@code €},
 * {@code £}, {@code ₹}) and local marks ({@code RM}, {@code Rs.}, {@code Fr.}, {@code kr}). A
 * plain {@code $} or {@code kr} is read by the document's country ({@code $} in Canada is CAD).
 * Codes that are rare or look like words only count next to a number.
 */
public final class CurrencyDetector implements ValueScanner {

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        List<ValueMatch> matches = new ArrayList<>(1);
        for (CurrencyMarks.Mark found : CurrencyMarks.all(text)) {
            String mark = found.text();
            String code = CurrencyMarks.code(mark, context);
            if (code == null) {
                continue;
            }
            boolean besideNumber = besideDigit(text, found.start(), found.end());
            boolean isCode = !CurrencyMarks.isSymbol(mark);
            if (isCode
                    && (CurrencyMarks.WORD_LIKE_CODES.contains(mark)
                            || !besideNumber && !CurrencyMarks.COMMON_CODES.contains(mark))) {
                continue;
            }
            boolean alphabetic = Character.isLetter(mark.charAt(0));
            if (alphabetic && !isCode && !besideNumber) {
                // "RM", "kr", "Rs" and "Euro" alone are too often ordinary words or initials.
                continue;
            }
            double quality = besideNumber ? 0.95 : 0.8;
            if (mark.equals("$") && (context == null || context.country() == null)
                    || mark.startsWith("kr")
                    || mark.startsWith("Kr")) {
                quality *= 0.8;
            }
            matches.add(new ValueMatch(found.start(), found.end(), code, quality));
        }
        return matches;
    }

    /** The most frequent currency in a document's lines, or null when none is named. */
    public String mainCurrency(List<String> lines, DocumentContext context) {
        Map<String, Double> weights = new HashMap<>();
        for (String line : lines) {
            for (ValueMatch match : scan(line, context)) {
                weights.merge((String) match.value(), match.quality(), Double::sum);
            }
        }
        return weights.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static boolean besideDigit(String text, int start, int end) {
        return isDigitAt(text, end)
                || isDigitAt(text, end + 1) && isGap(text, end)
                || isDigitAt(text, end + 1) && text.charAt(end) == '-'
                || isDigitAt(text, start - 1)
                || isDigitAt(text, start - 2) && isGap(text, start - 1);
    }

    private static boolean isGap(String text, int i) {
        char c = text.charAt(i);
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }

    private static boolean isDigitAt(String text, int i) {
        return i >= 0 && i < text.length() && Character.isDigit(text.charAt(i));
    }
}
