package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a text states as yes or no: answer words in six languages ({@code yes}, {@code
 * nein}, {@code oui}, {@code sí}, {@code nee}, {@code sì}), {@code true}/{@code false}, ticked or
 * empty check boxes ({@code ☑ ☒ ✓ ✔ [x]} versus {@code ☐ [ ]}) and payment stamps ({@code PAID},
 * {@code bezahlt}, {@code payé}, {@code pagado}, {@code betaald}, {@code pagato}, and their
 * negations). Values are {@link Boolean}s.
 */
public final class BooleanScanner implements ValueScanner {

    private record Reading(boolean value, double quality) {}

    private static final Map<String, Reading> WORDS = Map.ofEntries(
            // stamps and their negations: the strongest statements
            stamp("paid", true),
            stamp("paid in full", true),
            stamp("bezahlt", true),
            stamp("beglichen", true),
            stamp("payé", true),
            stamp("payée", true),
            stamp("paye", true),
            stamp("réglé", true),
            stamp("acquitté", true),
            stamp("acquittée", true),
            stamp("pagado", true),
            stamp("pagada", true),
            stamp("betaald", true),
            stamp("voldaan", true),
            stamp("pagato", true),
            stamp("pagata", true),
            stamp("saldato", true),
            stamp("unpaid", false),
            stamp("not paid", false),
            stamp("unbezahlt", false),
            stamp("nicht bezahlt", false),
            stamp("impayé", false),
            stamp("impayée", false),
            stamp("non payé", false),
            stamp("non payée", false),
            stamp("no pagado", false),
            stamp("no pagada", false),
            stamp("pendiente de pago", false),
            stamp("onbetaald", false),
            stamp("niet betaald", false),
            stamp("non pagato", false),
            stamp("non pagata", false),
            stamp("da pagare", false),
            // answer words
            word("yes", true, 0.75),
            word("true", true, 0.8),
            word("ja", true, 0.7),
            word("oui", true, 0.75),
            word("sí", true, 0.75),
            word("sì", true, 0.75),
            word("si", true, 0.35),
            word("no", false, 0.55),
            word("false", false, 0.8),
            word("nein", false, 0.75),
            word("non", false, 0.55),
            word("nee", false, 0.7));

    /** Phrases are at most this many words ("pendiente de pago"). */
    private static final int LONGEST_PHRASE = 3;

    private static final int LONGEST_WORD = 11;

    /** A number or mark after the word: "No. 4711", "No: 5", "Paid: 12.00". */
    private static final Pattern AFTER_WORD = Pattern.compile("(\\s*[.:#º°]?\\s*\\d)|(\\s*[.:#º°])");

    private static final String CHECK_MARKS = "☑☒✓✔✅☐□✗✘❌[(";

    private static final Pattern MARK_PATTERN =
            Pattern.compile("[☑☒✓✔✅]|\\[\\s?[xX✓✔]\\s?]|\\([xX]\\)|(☐|□|\\[\\s?]|[✗✘❌])");

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        List<ValueMatch> matches = new ArrayList<>(1);
        Matcher marks = hasCheckMark(text) ? MARK_PATTERN.matcher(text) : null;
        while (marks != null && marks.find()) {
            boolean empty = marks.group(1) != null;
            char first = marks.group().charAt(0);
            double quality = first == '✗' || first == '✘' || first == '❌' ? 0.6 : 0.9;
            matches.add(new ValueMatch(marks.start(), marks.end(), !empty, quality));
        }
        if (hasLetter(text)) {
            scanWords(text, matches);
        }
        if (matches.size() > 1) {
            matches.sort(Comparator.comparingInt(ValueMatch::start));
        }
        return matches;
    }

    private static void scanWords(String text, List<ValueMatch> matches) {
        int n = text.length();
        int[] starts = new int[LONGEST_PHRASE];
        int[] ends = new int[LONGEST_PHRASE];
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            // Up to three words from here, each only if separated by plain spaces.
            int words = 0;
            int j = i;
            while (words < LONGEST_PHRASE && j < n && Character.isLetter(text.charAt(j))) {
                starts[words] = j;
                while (j < n && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                ends[words++] = j;
                int k = j;
                while (k < n && text.charAt(k) == ' ') {
                    k++;
                }
                if (k == j || k - j > 2) {
                    break;
                }
                j = k;
            }
            int next = ends[0];
            for (int w = words; w >= 1; w--) {
                if (ends[w - 1] - starts[w - 1] > LONGEST_WORD || (w == 1 && ends[0] - i > LONGEST_WORD)) {
                    continue;
                }
                String key = phraseKey(text, i, ends[w - 1]);
                Reading reading = WORDS.get(key);
                if (reading != null) {
                    addWord(text, i, ends[w - 1], reading, matches);
                    next = ends[w - 1];
                    break;
                }
            }
            i = next;
        }
    }

    private static void addWord(String text, int start, int end, Reading reading, List<ValueMatch> matches) {
        Matcher after = AFTER_WORD.matcher(text).region(end, Math.min(text.length(), end + 6));
        boolean beforeNumber = false;
        boolean beforeMark = false;
        if (after.lookingAt()) {
            beforeNumber = after.group(1) != null;
            beforeMark = after.group(2) != null;
        }
        if (reading.quality() < 0.6 && (beforeNumber || beforeMark)) {
            // "No. 4711", "Nr", "si 3": an abbreviation or a word in a sentence, not an answer.
            return;
        }
        // "Paid: 12.00" is a label before a value rather than a stamp.
        double quality = beforeNumber || beforeMark ? reading.quality() * 0.6 : reading.quality();
        matches.add(new ValueMatch(start, end, reading.value(), quality));
    }

    /** The words lower-cased, joined by single spaces. */
    private static String phraseKey(String text, int start, int end) {
        StringBuilder key = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' || key.charAt(key.length() - 1) != ' ') {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    private static boolean hasCheckMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (CHECK_MARKS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Map.Entry<String, Reading> stamp(String phrase, boolean value) {
        return Map.entry(phrase, new Reading(value, 0.85));
    }

    private static Map.Entry<String, Reading> word(String word, boolean value, double quality) {
        return Map.entry(word, new Reading(value, quality));
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
