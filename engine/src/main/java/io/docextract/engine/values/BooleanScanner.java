package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    private static final Pattern WORD_PATTERN = Pattern.compile(
            "(?<![\\p{L}\\d])(" + alternation() + ")(?![\\p{L}\\d])(\\s*[.:#º°]?\\s*\\d)?(\\s*[.:#º°])?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern MARK_PATTERN =
            Pattern.compile("[☑☒✓✔✅]|\\[\\s?[xX✓✔]\\s?]|\\([xX]\\)|(☐|□|\\[\\s?]|[✗✘❌])");

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        List<ValueMatch> matches = new ArrayList<>(1);
        Matcher marks = MARK_PATTERN.matcher(text);
        while (marks.find()) {
            boolean empty = marks.group(1) != null;
            char first = marks.group().charAt(0);
            double quality = first == '✗' || first == '✘' || first == '❌' ? 0.6 : 0.9;
            matches.add(new ValueMatch(marks.start(), marks.end(), !empty, quality));
        }
        if (hasLetter(text)) {
            Matcher words = WORD_PATTERN.matcher(text);
            while (words.find()) {
                String key = words.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                Reading reading = WORDS.get(key);
                boolean beforeNumber = words.group(2) != null;
                boolean beforeMark = words.group(3) != null;
                if (reading == null || (reading.quality() < 0.6 && (beforeNumber || beforeMark))) {
                    // "No. 4711", "Nr", "si 3": an abbreviation or a word in a sentence, not an answer.
                    continue;
                }
                // "Paid: 12.00" is a label before a value rather than a stamp.
                double quality = beforeNumber || beforeMark ? reading.quality() * 0.6 : reading.quality();
                matches.add(new ValueMatch(words.start(), words.end(1), reading.value(), quality));
            }
        }
        if (matches.size() > 1) {
            matches.sort(Comparator.comparingInt(ValueMatch::start));
        }
        return matches;
    }

    private static Map.Entry<String, Reading> stamp(String phrase, boolean value) {
        return Map.entry(phrase, new Reading(value, 0.85));
    }

    private static Map.Entry<String, Reading> word(String word, boolean value, double quality) {
        return Map.entry(word, new Reading(value, quality));
    }

    private static String alternation() {
        return WORDS.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(phrase -> Pattern.quote(phrase).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
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
