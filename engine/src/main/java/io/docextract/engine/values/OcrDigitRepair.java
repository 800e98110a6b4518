package io.docextract.engine.values;

/**
 * Undoes the letter-for-digit confusions OCR makes inside numbers ({@code 1O.O5.2O24}, {@code
 * l5,OO}) without touching words. The repaired text has the same length as the input, so match
 * offsets found in it are offsets in the original.
 */
final class OcrDigitRepair {

    private OcrDigitRepair() {}

    /** The text with confusable letters replaced by digits where they sit inside a number. */
    static String repair(String text) {
        if (!hasConfusable(text)) {
            return text;
        }
        char[] chars = text.toCharArray();
        int n = chars.length;
        int i = 0;
        while (i < n) {
            if (!inNumberRun(chars[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && inNumberRun(chars[j])) {
                j++;
            }
            repairRun(chars, i, j);
            i = j;
        }
        return new String(chars);
    }

    private static void repairRun(char[] chars, int from, int to) {
        int start = from;
        int end = to;
        // A confusable letter glued to a word belongs to the word ("Total10" keeps its 'l').
        while (start < end && isConfusable(chars[start]) && start > 0 && Character.isLetter(chars[start - 1])) {
            start++;
        }
        while (end > start && isConfusable(chars[end - 1]) && end < chars.length && Character.isLetter(chars[end])) {
            end--;
        }
        int digits = 0;
        int confusables = 0;
        for (int k = start; k < end; k++) {
            char c = chars[k];
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (isConfusable(c) && c != 'S') {
                confusables++;
            }
        }
        if (digits == 0) {
            return;
        }
        if (confusables > 0 && digits >= confusables) {
            for (int k = start; k < end; k++) {
                char replacement = digitFor(chars[k]);
                if (replacement != 0) {
                    chars[k] = replacement;
                }
            }
        }
        // 'S' for '5' only after a digit and before a digit or decimals: "1S0", "3S.90"; not "S0", "10S".
        for (int k = start; k < end; k++) {
            if (chars[k] == 'S' && isDigitAt(chars, k - 1, start, end) && digitOrDecimalsAt(chars, k + 1, start, end)
                    || chars[k] == 'S' && isDigitAt(chars, k + 1, start, end) && isDigitAt(chars, k - 1, start, end)) {
                chars[k] = '5';
            }
        }
    }

    private static boolean isDigitAt(char[] chars, int k, int start, int end) {
        return k >= start && k < end && isDigit(chars[k]);
    }

    /** A digit, or a decimal mark followed by a digit ("3S.90"). */
    private static boolean digitOrDecimalsAt(char[] chars, int k, int start, int end) {
        if (isDigitAt(chars, k, start, end)) {
            return true;
        }
        return k < end && (chars[k] == '.' || chars[k] == ',') && isDigitAt(chars, k + 1, start, end);
    }

    /** Whether a confusable letter stands next to a digit, possibly across one separator. */
    private static boolean hasConfusable(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (isConfusable(text.charAt(i))
                    && (digitAt(text, i - 1)
                            || digitAt(text, i + 1)
                            || digitAt(text, i - 2) && isSeparator(text.charAt(i - 1))
                            || digitAt(text, i + 2) && isSeparator(text.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean digitAt(String text, int i) {
        return i >= 0 && i < text.length() && isDigit(text.charAt(i));
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == ',' || c == '/' || c == '-' || c == '\'' || isConfusable(c);
    }

    private static boolean inNumberRun(char c) {
        return isDigit(c) || isConfusable(c) || c == '.' || c == ',' || c == '/' || c == '-' || c == '\'';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isConfusable(char c) {
        return c == 'O' || c == 'o' || c == 'l' || c == 'I' || c == '|' || c == 'S';
    }

    private static char digitFor(char c) {
        return switch (c) {
            case 'O', 'o' -> '0';
            case 'l', 'I', '|' -> '1';
            default -> 0;
        };
    }
}
