package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates written as numbers ({@code 15.03.2024}, {@code 03/15/24}, {@code 2024-03-15}) or
 * with month names in English, German, French, Spanish, Dutch and Italian ({@code 15. März
 * 2024}, {@code March 15th, 2024}, {@code le 3 janvier 2024}, {@code 3 de enero de 2024}),
 * optionally after a weekday. Values are {@code yyyy-mm-dd} strings; impossible dates are not
 * reported. A day/month order that had to be guessed lowers the quality.
 */
public final class DateScanner implements ValueScanner {

    private static final String NOT_AFTER_NUMBER = "(?=\\d)(?<![\\p{L}\\d.,/-])";
    private static final String NOT_BEFORE_NUMBER = "(?!\\d|[.,/-]\\d|:\\d|\\s?%)";

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            NOT_AFTER_NUMBER + "(\\d{1,2})\\s?([./-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4}|\\d{2})" + NOT_BEFORE_NUMBER);

    private static final Pattern SPACED_DAY_MONTH_YEAR =
            Pattern.compile(NOT_AFTER_NUMBER + "(\\d{1,2}) (\\d{1,2}) ((?:19|20)\\d{2})" + NOT_BEFORE_NUMBER);

    private static final Pattern YEAR_MONTH_DAY = Pattern.compile(
            NOT_AFTER_NUMBER + "((?:19|20)\\d{2})\\s?([./-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{1,2})" + NOT_BEFORE_NUMBER);

    /**
     * "20180428", and "20180428/191204" or "20180428T191204": a compact date with the time of
     * day in six figures after a slash or ISO 8601's "T" (a till's "Date/Time" line).
     */
    private static final Pattern COMPACT_YEAR_MONTH_DAY = Pattern.compile(NOT_AFTER_NUMBER
            + "((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])"
            + "(?=[/T](?:[01]\\d|2[0-3])[0-5]\\d[0-5]\\d(?!\\d)|(?![\\p{L}\\d]|[.,/-]\\d))");

    // Written dates are found from their month word (a map lookup per word), then these short
    // patterns read the day and year around it: far cheaper than one alternation of every name.
    private static final Pattern DAY_BEFORE_MONTH = Pattern.compile(
            "(?<![\\p{L}\\d.,/])(\\d{1,2})(?:st|nd|rd|th|er|º|°|ª)?\\.?(?:\\s*(?:de|of)\\s+|\\s*[-/.]\\s*|\\s*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_AFTER_MONTH = Pattern.compile(
            "\\.?(?:\\s+(?:de|del)\\s+|\\s*[-/.,]\\s*|\\s*)('\\d{2}|\\d{4}|\\d{2})(?![\\d:]|[.,]\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_YEAR_AFTER_MONTH = Pattern.compile(
            "\\.?[\\s-]*(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:\\s*,\\s*|[\\s-]+)(\\d{4}|'\\d{2})(?![\\d:]|[.,]\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY_BEFORE = Pattern.compile("(\\p{L}+)\\.?,?\\s*$");
    private static final int LOOK_BEHIND = 16;
    private static final Pattern ZERO_BETWEEN_LETTERS = Pattern.compile("(?<=\\p{L})0(?=\\p{L})");

    /** Two-digit years up to this one are 20yy, later ones 19yy. */
    static final int TWO_DIGIT_YEAR_PIVOT = 69;

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        if (countDigits(text) < 4) {
            return List.of();
        }
        String repaired = OcrDigitRepair.repair(text);
        List<ValueMatch> matches = new ArrayList<>(2);
        scanNumeric(text, repaired, context, matches);
        if (hasLetter(text)) {
            // "01-N0V-2017": a zero between letters is the O of a month's name.
            scanWritten(text, ZERO_BETWEEN_LETTERS.matcher(repaired).replaceAll("O"), matches);
        }
        if (matches.size() > 1) {
            matches.sort(Comparator.comparingInt(ValueMatch::start));
        }
        return matches;
    }

    /**
     * Counts the numeric dates in a text that prove an order: {@code counts[0]} day-first (first
     * part above 12), {@code counts[1]} month-first (second part above 12).
     */
    static void countOrderEvidence(String text, int[] counts) {
        if (!hasDigit(text)) {
            return;
        }
        Matcher m = DAY_MONTH_YEAR.matcher(text);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            if (a > 12 && a <= 31 && b >= 1 && b <= 12) {
                counts[0]++;
            } else if (b > 12 && b <= 31 && a >= 1 && a <= 12) {
                counts[1]++;
            }
        }
    }

    private static void scanNumeric(String text, String repaired, DocumentContext context, List<ValueMatch> out) {
        Matcher m = DAY_MONTH_YEAR.matcher(repaired);
        while (m.find()) {
            char separator = m.group(2).charAt(0);
            double quality = spacingAndRepairFactor(text, repaired, m);
            addDayMonth(
                    out,
                    m,
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(3)),
                    m.group(4),
                    separator,
                    context,
                    quality);
        }
        m = SPACED_DAY_MONTH_YEAR.matcher(repaired);
        while (m.find()) {
            double quality = 0.6 * repairFactor(text, repaired, m.start(), m.end());
            addDayMonth(
                    out,
                    m,
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    m.group(3),
                    ' ',
                    context,
                    quality);
        }
        m = YEAR_MONTH_DAY.matcher(repaired);
        while (m.find()) {
            double quality = spacingAndRepairFactor(text, repaired, m);
            add(
                    out,
                    m.start(),
                    m.end(),
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)),
                    quality);
        }
        m = COMPACT_YEAR_MONTH_DAY.matcher(repaired);
        while (m.find()) {
            double quality = 0.45 * repairFactor(text, repaired, m.start(), m.end());
            add(
                    out,
                    m.start(),
                    m.end(),
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    quality);
        }
    }

    private static void addDayMonth(
            List<ValueMatch> out,
            Matcher m,
            int a,
            int b,
            String yearText,
            char separator,
            DocumentContext context,
            double baseQuality) {
        int year = year(yearText);
        double quality = baseQuality * (yearText.length() == 2 ? 0.9 : 1.0);
        boolean dayFirst;
        if (a > 12 || b > 12) {
            dayFirst = a > 12;
        } else if (a == b) {
            dayFirst = true;
        } else {
            DateOrder order = context == null ? DateOrder.UNKNOWN : context.dateOrder();
            if (order == DateOrder.UNKNOWN) {
                // Dots are a day-first habit (15.03.2024); slashes and dashes go both ways.
                dayFirst = true;
                quality *= separator == '.' ? 0.8 : 0.6;
            } else {
                dayFirst = order == DateOrder.DAY_FIRST;
                quality *= 0.85;
            }
        }
        int day = dayFirst ? a : b;
        int month = dayFirst ? b : a;
        add(out, m.start(), m.end(), year, month, day, quality);
    }

    private static void scanWritten(String text, String repaired, List<ValueMatch> out) {
        int n = repaired.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(repaired.charAt(i))) {
                i++;
                continue;
            }
            int wordEnd = i + 1;
            while (wordEnd < n && Character.isLetter(repaired.charAt(wordEnd))) {
                wordEnd++;
            }
            int month = wordEnd - i <= CalendarWords.LONGEST_MONTH ? CalendarWords.month(repaired, i, wordEnd) : 0;
            if (month > 0) {
                readAroundMonth(text, repaired, i, wordEnd, month, out);
            }
            i = wordEnd;
        }
    }

    private static void readAroundMonth(
            String text, String repaired, int monthStart, int monthEnd, int month, List<ValueMatch> out) {
        Matcher day = DAY_BEFORE_MONTH.matcher(repaired).region(Math.max(0, monthStart - LOOK_BEHIND), monthStart);
        day.useTransparentBounds(true);
        if (day.find()) {
            Matcher year = YEAR_AFTER_MONTH.matcher(repaired).region(monthEnd, repaired.length());
            year.useTransparentBounds(true);
            if (year.lookingAt()) {
                int start = withWeekday(repaired, day.start());
                String yearText = year.group(1);
                double quality = (yearText.length() == 4 ? 1.0 : 0.8) * repairFactor(text, repaired, start, year.end());
                add(out, start, year.end(), year(yearText), month, Integer.parseInt(day.group(1)), quality);
                return;
            }
        }
        Matcher dayYear = DAY_YEAR_AFTER_MONTH.matcher(repaired).region(monthEnd, repaired.length());
        dayYear.useTransparentBounds(true);
        if (dayYear.lookingAt()) {
            int start = withWeekday(repaired, monthStart);
            String yearText = dayYear.group(2);
            double quality = (yearText.length() == 4 ? 1.0 : 0.8) * repairFactor(text, repaired, start, dayYear.end());
            add(out, start, dayYear.end(), year(yearText), month, Integer.parseInt(dayYear.group(1)), quality);
        }
    }

    /** Where the date starts when a weekday name stands in front of it ("Freitag, 17. Januar"). */
    private static int withWeekday(String text, int dateStart) {
        if (dateStart == 0) {
            return dateStart;
        }
        Matcher weekday = WEEKDAY_BEFORE.matcher(text).region(Math.max(0, dateStart - LOOK_BEHIND), dateStart);
        weekday.useTransparentBounds(true);
        if (weekday.find()
                && CalendarWords.isWeekday(weekday.group(1))
                && (weekday.start() == 0 || !Character.isLetter(text.charAt(weekday.start() - 1)))) {
            return weekday.start();
        }
        return dateStart;
    }

    private static void add(List<ValueMatch> out, int start, int end, int year, int month, int day, double quality) {
        if (!isValid(year, month, day)) {
            return;
        }
        for (ValueMatch existing : out) {
            if (existing.start() < end && start < existing.end()) {
                return;
            }
        }
        out.add(new ValueMatch(start, end, iso(year, month, day), quality));
    }

    static boolean isValid(int year, int month, int day) {
        if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= daysInMonth(year, month);
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int year(String text) {
        String digits = text.startsWith("'") ? text.substring(1) : text;
        int year = Integer.parseInt(digits);
        if (digits.length() == 2) {
            return year <= TWO_DIGIT_YEAR_PIVOT ? 2000 + year : 1900 + year;
        }
        return year;
    }

    private static String iso(int year, int month, int day) {
        char[] out = new char[10];
        out[0] = (char) ('0' + year / 1000);
        out[1] = (char) ('0' + year / 100 % 10);
        out[2] = (char) ('0' + year / 10 % 10);
        out[3] = (char) ('0' + year % 10);
        out[4] = '-';
        out[5] = (char) ('0' + month / 10);
        out[6] = (char) ('0' + month % 10);
        out[7] = '-';
        out[8] = (char) ('0' + day / 10);
        out[9] = (char) ('0' + day % 10);
        return new String(out);
    }

    private static double spacingAndRepairFactor(String text, String repaired, Matcher m) {
        double factor = repairFactor(text, repaired, m.start(), m.end());
        for (int i = m.start(); i < m.end(); i++) {
            if (repaired.charAt(i) == ' ') {
                return factor * 0.85;
            }
        }
        return factor;
    }

    static double repairFactor(String text, String repaired, int start, int end) {
        return text.regionMatches(start, repaired, start, end - start) ? 1.0 : 0.8;
    }

    private static boolean hasDigit(String text) {
        return countDigits(text) > 0;
    }

    private static int countDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
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
