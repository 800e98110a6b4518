package io.docextract.engine.values;

import java.math.BigDecimal;

/**
 * How a run of digits and separators reads as a number.
 *
 * @param value the number
 * @param decimals digits after the decimal mark (0 for whole numbers)
 * @param guessed whether a lone {@code .} or {@code ,} before three digits had to be read by
 *     the document's convention rather than by the number's own shape
 * @param spaceGrouped whether plain spaces separate thousands, which could also be a gap between
 *     two numbers
 */
record NumberReading(BigDecimal value, int decimals, boolean guessed, boolean spaceGrouped) {

    /**
     * Reads digits with thousands separators ({@code , . ' ’}, spaces) and one decimal mark
     * ({@code .} or {@code ,}); null when the separators contradict each other.
     */
    static NumberReading read(CharSequence raw, DecimalConvention convention) {
        int length = raw.length();
        char firstMark = 0;
        char lastMark = 0;
        int lastMarkAt = -1;
        int marks = 0;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                continue;
            }
            if (firstMark == 0) {
                firstMark = c;
            }
            lastMark = c;
            lastMarkAt = i;
            marks++;
        }
        int decimalAt = -1;
        boolean guessed = false;
        if (marks > 0) {
            boolean decimalCapable = lastMark == '.' || lastMark == ',';
            if (firstMark == lastMark && marks > 1 && length - lastMarkAt - 1 != 3) {
                return null;
            }
            if (firstMark != lastMark) {
                // "1.234,56": the last mark is the decimal one and must appear once.
                if (!decimalCapable || countOf(raw, lastMark) > 1 || countOf(raw, firstMark) != marks - 1) {
                    return null;
                }
                decimalAt = lastMarkAt;
            } else if (decimalCapable && marks == 1) {
                int after = length - lastMarkAt - 1;
                if (after != 3 || lastMarkAt == 0 || lastMarkAt > 3 || raw.charAt(0) == '0') {
                    decimalAt = lastMarkAt;
                } else {
                    guessed = true;
                    if (convention.decimalMark() == lastMark) {
                        decimalAt = lastMarkAt;
                    }
                }
            }
        }
        StringBuilder digits = new StringBuilder(length + 1);
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (i == decimalAt) {
                digits.append('.');
            }
        }
        if (digits.isEmpty() || digits.charAt(0) == '.') {
            digits.insert(0, '0');
        }
        int decimals = decimalAt < 0 ? 0 : length - decimalAt - 1;
        boolean spaceGrouped = firstMark == ' ';
        return new NumberReading(new BigDecimal(digits.toString()), decimals, guessed, spaceGrouped);
    }

    private static int countOf(CharSequence raw, char c) {
        int count = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }
}
