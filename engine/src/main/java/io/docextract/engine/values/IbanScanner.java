package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds IBANs, printed compact or in groups ({@code DE34 4064 0331 1378 2968 26}). A candidate
 * must have its country's registered length; the ISO 7064 mod-97 check decides the quality (a
 * failed check is kept with low quality, since sample documents carry made-up IBANs). Values are
 * upper-case without spaces.
 */
public final class IbanScanner implements ValueScanner {

    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AE", 23),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("AZ", 28),
            Map.entry("BA", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("BH", 22),
            Map.entry("BR", 29),
            Map.entry("BY", 28),
            Map.entry("CH", 21),
            Map.entry("CR", 22),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DK", 18),
            Map.entry("DO", 28),
            Map.entry("EE", 20),
            Map.entry("EG", 29),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FO", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GE", 22),
            Map.entry("GI", 23),
            Map.entry("GL", 18),
            Map.entry("GR", 27),
            Map.entry("GT", 28),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IL", 23),
            Map.entry("IQ", 23),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("JO", 30),
            Map.entry("KW", 30),
            Map.entry("KZ", 20),
            Map.entry("LB", 28),
            Map.entry("LC", 32),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MR", 27),
            Map.entry("MT", 31),
            Map.entry("MU", 30),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("PK", 24),
            Map.entry("PL", 28),
            Map.entry("PS", 29),
            Map.entry("PT", 25),
            Map.entry("QA", 29),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("SA", 24),
            Map.entry("SC", 31),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("ST", 25),
            Map.entry("SV", 28),
            Map.entry("TL", 23),
            Map.entry("TN", 24),
            Map.entry("TR", 26),
            Map.entry("UA", 29),
            Map.entry("VA", 22),
            Map.entry("VG", 24),
            Map.entry("XK", 20));

    private static final Pattern CANDIDATE =
            Pattern.compile("(?=[A-Z]{2}[0-9O])(?<![A-Za-z0-9])([A-Z]{2})(\\d{2}|[0-9O]{2})((?: ?[A-Z0-9]){10,32})");

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        if (text.length() < 15) {
            return List.of();
        }
        List<ValueMatch> matches = new ArrayList<>(1);
        Matcher m = CANDIDATE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            Integer length = LENGTHS.get(m.group(1));
            from = m.end(1);
            if (length == null) {
                continue;
            }
            ValueMatch match = read(text, m.start(), m.end(), length);
            if (match != null) {
                matches.add(match);
                from = match.end();
            }
        }
        return matches;
    }

    /** The IBAN of the country's length starting at {@code start}, ending where a group ends. */
    private static ValueMatch read(String text, int start, int limit, int length) {
        StringBuilder iban = new StringBuilder(length);
        int i = start;
        while (i < limit && iban.length() < length) {
            char c = text.charAt(i++);
            if (c != ' ') {
                iban.append(c);
            }
        }
        if (iban.length() < length || (i < text.length() && Character.isLetterOrDigit(text.charAt(i)))) {
            return null;
        }
        String compact = iban.toString().toUpperCase(Locale.ROOT);
        if (isValid(compact)) {
            return new ValueMatch(start, i, compact, 0.98);
        }
        String repaired = compact.substring(0, 2) + compact.substring(2, 4).replace('O', '0') + compact.substring(4);
        if (isValid(repaired)) {
            return new ValueMatch(start, i, repaired, 0.8);
        }
        return new ValueMatch(start, i, repaired, 0.3);
    }

    /** ISO 7064 mod-97: the rearranged number must leave remainder 1. */
    public static boolean isValid(String iban) {
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        int remainder = 0;
        for (int k = 0; k < iban.length(); k++) {
            char c = iban.charAt((k + 4) % iban.length());
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
                remainder = (remainder * 10 + value) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                value = c - 'A' + 10;
                remainder = (remainder * 100 + value) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }
}
