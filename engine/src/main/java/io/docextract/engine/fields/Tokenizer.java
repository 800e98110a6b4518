package io.docextract.engine.fields;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns labels, field names and descriptions into comparable word stems: lower case, accents
 * removed, abbreviations of "number" unified, and German/Dutch compounds split before their
 * common heads ({@code Rechnungsnummer} → {@code rechnung no}) so that label variants written
 * together, hyphenated or abbreviated meet the same lexicon phrase.
 */
final class Tokenizer {

    private static final Set<String> NUMBER_WORDS =
            Set.of("n", "no", "nr", "nro", "num", "number", "nummer", "numero", "numer", "nummers", "numbers", "nos");

    /** Heads that German and Dutch glue onto a noun; split so the parts match separately. */
    private static final List<String> COMPOUND_HEADS = List.of(
            "nummer",
            "nr",
            "datum",
            "betrag",
            "bedrag",
            "summe",
            "preis",
            "prijs",
            "adresse",
            "adres",
            "steuer",
            "zeitraum",
            "periode",
            "termin",
            "stelle",
            "gebuhr",
            "kosten",
            "rechnung");

    private static final Set<String> STOP_WORDS = Set.of(
            "the",
            "a",
            "an",
            "of",
            "for",
            "to",
            "in",
            "on",
            "at",
            "by",
            "is",
            "be",
            "as",
            "or",
            "and",
            "any",
            "its",
            "it",
            "this",
            "that",
            "which",
            "when",
            "with",
            "from",
            "was",
            "has",
            "been",
            "are",
            "also",
            "only",
            "one",
            "line",
            "if",
            "what",
            "where",
            "who",
            "whose",
            "how",
            "e",
            "g",
            "eg",
            "i",
            "ie",
            "etc",
            "all",
            "there",
            "their",
            "given",
            "shown",
            "printed",
            "document",
            "field",
            "value",
            "der",
            "die",
            "das",
            "de",
            "la",
            "le",
            "les",
            "du",
            "des",
            "el",
            "los",
            "las",
            "het",
            "een",
            "van",
            "il",
            "lo",
            "di",
            "da",
            "del",
            "und",
            "et",
            "y",
            "en",
            "d",
            "l");

    private Tokenizer() {}

    /** Stems of every word; numbers kept as they are (labels rarely carry them, values do). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String plain = fold(text);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= plain.length(); i++) {
            char c = i < plain.length() ? plain.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else {
                if (!word.isEmpty()) {
                    addWord(word.toString(), out);
                    word.setLength(0);
                }
                if (c == '#') {
                    out.add("no");
                }
            }
        }
        return out;
    }

    /** Like {@link #tokens} without stop words and bare numbers: what a description is about. */
    static List<String> contentTokens(String text) {
        List<String> out = new ArrayList<>();
        for (String token : tokens(text)) {
            if (!STOP_WORDS.contains(token) && !isNumeric(token)) {
                out.add(token);
            }
        }
        return out;
    }

    /** The tokens that are no stop words. */
    static List<String> withoutStopWords(List<String> tokens) {
        return tokens.stream().filter(token -> !STOP_WORDS.contains(token)).toList();
    }

    /** Lower case without accents; º and ° read as the "no" they abbreviate. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('º', 'o').replace('°', 'o'), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT).replace("ß", "ss");
    }

    static boolean isNumeric(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        return !token.isEmpty();
    }

    private static void addWord(String word, List<String> out) {
        if (NUMBER_WORDS.contains(word)) {
            out.add("no");
            return;
        }
        if (isNumeric(word) || word.length() <= 3) {
            out.add(word);
            return;
        }
        for (String head : COMPOUND_HEADS) {
            if (word.length() >= head.length() + 3 && word.endsWith(head)) {
                out.add(stem(word.substring(0, word.length() - head.length())));
                out.add(NUMBER_WORDS.contains(head) ? "no" : head);
                return;
            }
        }
        out.add(stem(word));
    }

    /** A light stemmer: plural and linking endings that differ between label variants. */
    static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 4 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
