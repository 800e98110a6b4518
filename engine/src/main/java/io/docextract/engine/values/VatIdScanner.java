package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds VAT and tax registration ids: EU VAT numbers by their country prefix and national shape
 * ({@code DE123456789}, {@code FR12345678901}, {@code NL123456789B01}, {@code ATU12345678}),
 * British ({@code GB}), Norwegian ({@code NO…MVA}) and Swiss ({@code CHE-123.456.789 MWST})
 * numbers, and Indian GSTINs. Spaces, dots and dashes inside an id are allowed. Values are
 * upper-case without separators, except Swiss ids, which keep their official {@code
 * CHE-123.456.789} form.
 */
public final class VatIdScanner implements ValueScanner {

    /** The part after the prefix, longest alternative first: it is matched against compacted text. */
    private static final Map<String, List<Pattern>> SHAPES = Map.ofEntries(
            shape("AT", "U\\d{8}"),
            shape("BE", "[01]\\d{9}"),
            shape("BG", "\\d{10}", "\\d{9}"),
            shape("CY", "\\d{8}[A-Z]"),
            shape("CZ", "\\d{10}", "\\d{9}", "\\d{8}"),
            shape("DE", "\\d{9}"),
            shape("DK", "\\d{8}"),
            shape("EE", "\\d{9}"),
            shape("EL", "\\d{9}"),
            shape("ES", "[A-Z0-9]\\d{7}[A-Z0-9]"),
            shape("FI", "\\d{8}"),
            shape("FR", "[A-HJ-NP-Z0-9]{2}\\d{9}"),
            shape("HR", "\\d{11}"),
            shape("HU", "\\d{8}"),
            shape("IE", "\\d{7}[A-W][A-I]", "\\d{7}[A-W]", "\\d[A-Z+*]\\d{5}[A-W]"),
            shape("IT", "\\d{11}"),
            shape("LT", "\\d{12}", "\\d{9}"),
            shape("LU", "\\d{8}"),
            shape("LV", "\\d{11}"),
            shape("MT", "\\d{8}"),
            shape("NL", "\\d{9}B\\d{2}"),
            shape("PL", "\\d{10}"),
            shape("PT", "\\d{9}"),
            shape("RO", "[1-9]\\d{1,9}"),
            shape("SE", "\\d{10}01"),
            shape("SI", "\\d{8}"),
            shape("SK", "\\d{10}"),
            shape("GB", "\\d{12}", "\\d{9}", "GD[0-4]\\d{2}", "HA[5-9]\\d{2}"),
            shape("XI", "\\d{12}", "\\d{9}"),
            shape("NO", "\\d{9}MVA"),
            shape("CHE", "\\d{9}(?:MWST|TVA|IVA|VAT)", "\\d{9}"));

    private static final Pattern PREFIX = Pattern.compile(
            "(?=[A-Z]{2})(?<![A-Za-z0-9])(CHE|AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|GB|XI|NO)"
                    + "(?=[ .-]?[0-9A-Z])");

    private static final Pattern GSTIN =
            Pattern.compile("(?<![A-Za-z0-9])\\d{2}[A-Z]{5}\\d{4}[A-Z][1-9A-Z]Z[0-9A-Z](?![A-Za-z0-9])");

    private static final int MAX_BODY = 20;

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        if (text.length() < 8) {
            return List.of();
        }
        List<ValueMatch> matches = new ArrayList<>(1);
        Matcher prefix = PREFIX.matcher(text);
        while (prefix.find()) {
            ValueMatch match = read(text, prefix.group(1), prefix.end());
            if (match != null) {
                matches.add(match);
            }
        }
        Matcher gstin = GSTIN.matcher(text);
        while (gstin.find()) {
            matches.add(new ValueMatch(gstin.start(), gstin.end(), gstin.group(), 0.9));
        }
        return matches;
    }

    private static ValueMatch read(String text, String country, int bodyStart) {
        // Compact the body, remembering where each kept character ends in the text and whether a
        // separator or the end of the id follows it, so a match can only stop between groups.
        StringBuilder body = new StringBuilder(MAX_BODY);
        int[] endAt = new int[MAX_BODY];
        boolean[] groupEnd = new boolean[MAX_BODY];
        int i = bodyStart;
        while (i < text.length() && body.length() < MAX_BODY) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '+' || c == '*') {
                endAt[body.length()] = i + 1;
                body.append(c);
                i++;
            } else if ((c == ' ' || c == '.' || c == '-')
                    && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(i + 1))
                    && (!body.isEmpty() || i == bodyStart)) {
                if (!body.isEmpty()) {
                    groupEnd[body.length() - 1] = true;
                }
                i++;
            } else {
                break;
            }
        }
        if (!body.isEmpty()) {
            char next = i < text.length() ? text.charAt(i) : ' ';
            groupEnd[body.length() - 1] = !Character.isLetterOrDigit(next);
        }
        for (Pattern shape : SHAPES.get(country)) {
            Matcher m = shape.matcher(body);
            if (m.lookingAt() && m.end() > 0 && groupEnd[m.end() - 1]) {
                int start = bodyStart - country.length();
                String id = country.equals("CHE") ? swiss(body.substring(0, 9)) : country + body.substring(0, m.end());
                return new ValueMatch(start, endAt[m.end() - 1], id, 0.9);
            }
        }
        return null;
    }

    private static String swiss(String digits) {
        return "CHE-" + digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6, 9);
    }

    private static Map.Entry<String, List<Pattern>> shape(String country, String... shapes) {
        List<Pattern> patterns = new ArrayList<>(shapes.length);
        for (String shape : shapes) {
            patterns.add(Pattern.compile(shape));
        }
        return Map.entry(country, List.copyOf(patterns));
    }
}
