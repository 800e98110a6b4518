package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a line into the numbers it holds, with their surroundings, leaving out digits that
 * belong to something else: dates, phone numbers, times, ranges, fractions, and identifiers such
 * as {@code BE-62790} or {@code No. 4711}. Amount and number scanners decide from there.
 */
final class NumberTokens {

    /**
     * A number, with a decimal point OCR may have set apart from two decimals ("24. 83", "112 .35":
     * a space read beside every period on thermal print). Only a period: "4, 12" is a list.
     */
    private static final Pattern NUMBER = Pattern.compile("(?=[\\d.,])(?<![\\d.,'’])(?:"
            + "\\d{1,3}(?:([,.'’\\u00A0\\u202F ])\\d{3})(?:\\1\\d{3})*(?:[.,]\\d{1,4})?"
            + "|\\d+(?:\\. | \\.)\\d{2}(?![\\d.,])"
            + "|\\d+(?:[.,]\\d{1,4})?"
            + "|[.,]\\d{1,2})(?!\\d)");

    private static final Pattern CREDIT = Pattern.compile("[ \\u00A0]?(?:CR|Cr)(?!\\p{L})");
    private static final Pattern ID_LABEL = Pattern.compile(
            "(?<!\\p{L})(?:no|nr|num|n°|nº|ref|#)\\.?:?\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PHONE_LIKE = Pattern.compile("(?=[+(\\d])(?:\\+|(?<!\\d)00)\\s?\\d[\\d \\-/().]{6,}\\d"
            + "|\\(0\\)\\s?[\\d \\-/]{5,}\\d"
            + "|\\(0\\d{1,4}\\)\\s?\\d[\\d \\-/]{3,}\\d"
            + "|(?<![\\d.,])0\\d{1,4}(?:[ /-]{1,3}\\d{2,}){2,}"
            + "|(?<![\\d.,])\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}(?!\\d)");

    /** IBAN-like runs whose digit groups are not amounts. */
    private static final Pattern ACCOUNT_LIKE =
            Pattern.compile("(?=[A-Z]{2}\\d)(?<![\\p{L}\\d])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){3,}");

    private static final DateScanner DATES = new DateScanner();

    private NumberTokens() {}

    static List<NumberToken> find(String text, DocumentContext context) {
        if (!hasDigit(text)) {
            return List.of();
        }
        String line = OcrDigitRepair.repair(text);
        DecimalConvention convention = DecimalConvention.of(context);
        List<ValueMatch> dates = null;
        List<int[]> phones = null;
        List<NumberToken> tokens = new ArrayList<>(4);
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            if (dates == null) {
                dates = DATES.scan(text, context);
                phones = foreignSpans(line);
            }
            if (overlaps(dates, phones, m.start(), m.end())) {
                continue;
            }
            boolean repaired = !text.regionMatches(m.start(), line, m.start(), m.end() - m.start());
            NumberToken whole = token(line, m.start(), m.end(), convention, repaired, false);
            if (whole != null) {
                tokens.add(whole);
            }
            if (whole == null || whole.reading().spaceGrouped()) {
                int tail = line.lastIndexOf(' ', m.end() - 1) + 1;
                if (tail > m.start()) {
                    NumberToken part = token(line, tail, m.end(), convention, repaired, whole != null);
                    if (part != null) {
                        tokens.add(part);
                    }
                }
            }
        }
        return tokens;
    }

    private static NumberToken token(
            String line,
            int numberStart,
            int numberEnd,
            DecimalConvention convention,
            boolean repaired,
            boolean groupTail) {
        NumberReading reading = NumberReading.read(
                line.substring(numberStart, numberEnd).replace(". ", ".").replace(" .", "."), convention);
        if (reading == null) {
            return null;
        }
        int n = line.length();
        char next = charAt(line, numberEnd);
        char afterNext = charAt(line, numberEnd + 1);
        if ((next == '.' || next == ',' || next == '/' || next == '-' || next == ':' || next == '–')
                && isDigit(afterNext)) {
            return null;
        }
        if (next == '/' || next == '_' || next == '@') {
            return null;
        }
        boolean percent = next == '%' || (next == ' ' && afterNext == '%');
        int end = numberEnd;
        String currency = null;
        if (!percent) {
            int at = isGap(next) ? numberEnd + 1 : numberEnd;
            CurrencyMarks.Mark mark = at < n ? CurrencyMarks.at(line, at) : null;
            if (mark != null && isCurrency(mark.text())) {
                currency = mark.text();
                end = mark.end();
            }
        } else {
            end = line.indexOf('%', numberEnd) + 1;
        }
        boolean unitGlued = currency == null && Character.isLetter(next);

        int start = numberStart;
        boolean negative = false;
        if (start > 0 && isMinus(line.charAt(start - 1))) {
            negative = true;
            start--;
        }
        if (currency == null && start > 0) {
            int markEnd = isGap(line.charAt(start - 1)) ? start - 1 : start;
            CurrencyMarks.Mark mark = CurrencyMarks.endingAt(line, markEnd);
            if (mark != null && isCurrency(mark.text())) {
                currency = mark.text();
                start = mark.start();
            }
        }
        if (!negative && start > 0 && isMinus(line.charAt(start - 1))) {
            negative = true;
            start--;
        } else if (!negative
                && start > 1
                && line.charAt(start - 1) == ' '
                && isMinus(line.charAt(start - 2))
                && (start < 3 || !Character.isLetterOrDigit(line.charAt(start - 3)))) {
            negative = true;
            start -= 2;
        }
        if (negative && start > 0 && Character.isLetterOrDigit(line.charAt(start - 1))) {
            // "BE-62790", "2023-8022": a hyphen inside an identifier, not a sign.
            return null;
        }
        char before = charAt(line, start - 1);
        if (Character.isLetter(before)
                || before == '+'
                || before == '#'
                || before == '/'
                || before == '_'
                || before == '@'
                || before == '\\') {
            return null;
        }
        if ((before == ':' || before == '-' || before == '–') && isDigit(charAt(line, start - 2))) {
            return null;
        }
        if (isIdLabelled(line, start)) {
            return null;
        }
        boolean bracketed = before == '(';
        if (bracketed && charAt(line, end) == ')') {
            start--;
            end++;
            if (reading.decimals() > 0) {
                negative = true;
            }
        }
        if (!percent && !negative) {
            if (charAt(line, end) == '-' && !Character.isLetterOrDigit(charAt(line, end + 1))) {
                negative = true;
                end++;
            } else {
                Matcher credit = CREDIT.matcher(line).region(end, Math.min(n, end + 4));
                credit.useTransparentBounds(true);
                if (credit.lookingAt()) {
                    negative = true;
                    end = credit.end();
                }
            }
        }
        if (negative) {
            reading = new NumberReading(
                    reading.value().negate(), reading.decimals(), reading.guessed(), reading.spaceGrouped());
        }
        int digits = 0;
        for (int i = numberStart; i < numberEnd; i++) {
            if (isDigit(line.charAt(i))) {
                digits++;
            }
        }
        return new NumberToken(
                start,
                end,
                numberStart,
                numberEnd,
                reading,
                currency,
                negative,
                percent,
                unitGlued,
                repaired,
                groupTail,
                digits,
                digits == numberEnd - numberStart);
    }

    private static boolean isCurrency(String mark) {
        return CurrencyMarks.code(mark, null) != null && !CurrencyMarks.WORD_LIKE_CODES.contains(mark);
    }

    private static boolean isIdLabelled(String line, int start) {
        if (start == 0) {
            return false;
        }
        Matcher label = ID_LABEL.matcher(line).region(Math.max(0, start - 6), start);
        label.useTransparentBounds(true);
        return label.find();
    }

    /** Spans of phone numbers and account numbers, whose digit groups are not numbers. */
    private static List<int[]> foreignSpans(String line) {
        List<int[]> spans = new ArrayList<>(0);
        addSpans(PHONE_LIKE.matcher(line), spans);
        addSpans(ACCOUNT_LIKE.matcher(line), spans);
        return spans;
    }

    private static void addSpans(Matcher m, List<int[]> spans) {
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
    }

    private static boolean overlaps(List<ValueMatch> dates, List<int[]> phones, int start, int end) {
        for (ValueMatch date : dates) {
            if (date.start() < end && start < date.end()) {
                return true;
            }
        }
        for (int[] phone : phones) {
            if (phone[0] < end && start < phone[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGap(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }

    private static boolean isMinus(char c) {
        return c == '-' || c == '−';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char charAt(String s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : 0;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
