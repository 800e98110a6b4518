package io.docextract.engine.fields;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name or address as it was printed, where OCR reads it otherwise in ways the text itself
 * shows: a zero among letters ("AEON C0. (M) BHD", "L0T 12") is the letter O, since a word
 * of letters holds no digit; and a space inside parentheses ("( SUNGAI RENGIT )") is one OCR
 * put after every punctuation mark, not one the print has.
 */
final class PrintedText {

    /** A zero after a letter (or a letter and a hyphen: "HAI-0") in a word whose only digits are zeros. */
    private static final Pattern ZERO_IN_WORD = Pattern.compile("(?<=\\p{L}-?)0");

    private static final Pattern WORD = Pattern.compile("\\S+");

    /** Two initials a space apart ("D. E,", "B. V."): OCR's space after a period, not the print's. */
    private static final Pattern SPACED_INITIALS =
            Pattern.compile("(?<![\\p{L}.])(\\p{Lu}\\.) (?=\\p{Lu}(?:\\.|,|$|\\s*$))");

    private static final Pattern SPACE_INSIDE_PARENTHESES = Pattern.compile("\\(\\s+|\\s+\\)");

    private PrintedText() {}

    static String restored(String text) {
        String words = WORD.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(
                        onlyZerosAmongLetters(m.group())
                                ? ZERO_IN_WORD.matcher(m.group()).replaceAll("O")
                                : m.group()));
        String initials = SPACED_INITIALS.matcher(words).replaceAll("$1");
        return SPACE_INSIDE_PARENTHESES
                .matcher(initials)
                .replaceAll(m -> m.group().strip());
    }

    private static boolean onlyZerosAmongLetters(String word) {
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isDigit(c) && c != '0') {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }
}
