package io.docextract.engine.values;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phone numbers with libphonenumber, reading national numbers in the document's country.
 * Values are E.164 ({@code +498955501150}) when the country is known or the number carries its
 * country code, else the digits as printed. Numbers libphonenumber cannot place are still found
 * by their shape (digit groups, a leading {@code +} or trunk {@code 0}) with lower quality.
 */
public final class PhoneScanner implements ValueScanner {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";
    private static final int MIN_DIGITS = 6;
    private static final int MAX_DIGITS = 15;

    private static final Pattern SHAPE = Pattern.compile("(?<![\\w+.,/-])"
            + "(?:\\+\\s?\\d{1,3}|00\\d{1,3}|\\(?0\\d{1,5}\\)?|\\(\\d{2,4}\\)|\\d{2,5})"
            + "(?:(?:\\s?\\(0\\))?(?:\\s?[-/.]\\s?|\\s)\\(?\\d{1,8}\\)?){1,6}"
            + "(?![\\w.,/-]?\\d|[\\w%])");

    /**
     * "09.06.2014", "2014-05-19": a national number with a trunk zero can look like a date, and
     * libphonenumber accepts it in countries with free-length numbers (Germany).
     */
    private static final Pattern DATE_SHAPE = Pattern.compile(
            "(?:0?[1-9]|[12]\\d|3[01])([./-])(?:0?[1-9]|1[0-2])\\1(?:\\d{2}|\\d{4})|\\d{4}([./-])(?:0?[1-9]|1[0-2])\\2(?:0?[1-9]|[12]\\d|3[01])");

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        if (longestDigitRun(text) < MIN_DIGITS) {
            return List.of();
        }
        String region = region(context);
        List<ValueMatch> matches = new ArrayList<>(1);
        for (PhoneNumberMatch match : PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, 50)) {
            PhoneNumber number = match.number();
            String raw = match.rawString();
            if (DATE_SHAPE.matcher(raw.strip()).matches()) {
                continue;
            }
            boolean international = raw.startsWith("+") || raw.startsWith("00");
            String value = international || !UNKNOWN_REGION.equals(region)
                    ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
                    : raw;
            matches.add(new ValueMatch(match.start(), match.end(), value, 0.92));
        }
        addByShape(text, region, matches);
        return matches;
    }

    /** Shaped numbers libphonenumber skipped: unknown region, or fictional ranges it rejects. */
    private static void addByShape(String text, String region, List<ValueMatch> matches) {
        Matcher m = SHAPE.matcher(text);
        while (m.find()) {
            int digits = countDigits(text, m.start(), m.end());
            if (digits < 7 || digits > MAX_DIGITS || overlapsAny(matches, m.start(), m.end())) {
                continue;
            }
            String raw = m.group();
            if (DATE_SHAPE.matcher(raw.strip()).matches()) {
                continue;
            }
            boolean international = raw.startsWith("+") || raw.startsWith("00");
            boolean trunk = raw.startsWith("0") || raw.startsWith("(0");
            if (!international && !trunk && !hasGroupShape(raw)) {
                continue;
            }
            String value = raw.trim();
            if (international) {
                String national = raw.replace("(0)", "");
                value = "+" + digitsOf(national.startsWith("00") ? national.substring(2) : national);
            } else if (!UNKNOWN_REGION.equals(region)) {
                value = e164OrRaw(raw, region);
            }
            matches.add(new ValueMatch(m.start(), m.end(), value, international || trunk ? 0.55 : 0.4));
        }
        matches.sort((a, b) -> Integer.compare(a.start(), b.start()));
    }

    private static String e164OrRaw(String raw, String region) {
        try {
            return PHONES.format(PHONES.parse(raw, region), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return raw.trim();
        }
    }

    /** "702 555 0107", "555-0134": groups of 3–4 digits, unlike amounts or dates. */
    private static boolean hasGroupShape(String raw) {
        String[] groups = raw.split("[^0-9]+");
        int groupsOfThreeOrMore = 0;
        for (String group : groups) {
            if (group.length() >= 3) {
                groupsOfThreeOrMore++;
            }
        }
        return groupsOfThreeOrMore >= 2;
    }

    private static String region(DocumentContext context) {
        if (context == null || context.country() == null) {
            return UNKNOWN_REGION;
        }
        String country = context.country();
        return PHONES.getSupportedRegions().contains(country) ? country : UNKNOWN_REGION;
    }

    private static boolean overlapsAny(List<ValueMatch> matches, int start, int end) {
        for (ValueMatch match : matches) {
            if (match.start() < end && start < match.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Digits in the longest stretch of digits and phone punctuation (single spaces, dashes, dots,
     * slashes, brackets, plus): a line without six of them holds no phone number, and libphonenumber
     * need not look.
     */
    static int longestDigitRun(String text) {
        int best = 0;
        int run = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                run++;
                best = Math.max(best, run);
            } else if (c == ' ' ? i + 1 < n && text.charAt(i + 1) != ' ' : "-./()+".indexOf(c) >= 0) {
                continue;
            } else {
                run = 0;
            }
        }
        return best;
    }

    private static int countDigits(String text, int from, int to) {
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }

    private static String digitsOf(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
