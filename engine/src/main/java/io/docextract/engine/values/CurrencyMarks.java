package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ways documents write a currency next to an amount: symbols ({@code €}, {@code $}, {@code
 * ₹}), local abbreviations ({@code RM}, {@code Rs.}, {@code Fr.}, {@code kr}) and ISO 4217 codes,
 * and which code each stands for in a given country.
 */
final class CurrencyMarks {

    /** Every ISO 4217 code the JDK knows. */
    static final Set<String> ISO_CODES = isoCodes();

    /** Codes common enough to count even when no amount stands next to them. */
    static final Set<String> COMMON_CODES = Set.of(
            "EUR", "USD", "GBP", "CHF", "JPY", "CNY", "INR", "MYR", "SGD", "AUD", "CAD", "NZD", "HKD", "SEK", "NOK",
            "DKK", "PLN", "CZK", "HUF", "RON", "BGN", "TRY", "ZAR", "BRL", "MXN", "IDR", "THB", "PHP", "KRW", "AED",
            "SAR", "ILS", "RUB", "UAH", "ISK", "VND", "PKR", "LKR", "NGN", "KES", "EGP", "QAR", "KWD", "TWD");

    /** ISO codes of funds and units of account, never an invoice's currency ("XXX" ends BICs). */
    private static final Set<String> NOT_MONEY =
            Set.of("CHE", "CHW", "USN", "USS", "BOV", "CLF", "COU", "MXV", "UYI", "UYW", "VED");

    /** ISO codes that are also English words or unit abbreviations ("2 CUP", "ALL"). */
    static final Set<String> WORD_LIKE_CODES =
            Set.of("ALL", "CUP", "TOP", "PEN", "BOB", "SOS", "MAD", "MOP", "GEL", "LAK", "BAM", "AMD", "AOA", "BIF");

    /** A currency mark found in a text: characters {@code [start, end)}. */
    record Mark(int start, int end, String text) {}

    private static final String SYMBOLS = "€$£¥₹₩₺₽₪₫฿₱₦";
    private static final Set<String> WORD_MARKS = Set.of(
            "Rs", "Rs.", "RM", "SFr", "SFr.", "Fr.", "CHF", "kr", "kr.", "Kr", "Kr.", "zł", "Kč", "Ft", "Euro", "Euros",
            "EURO", "EUROS", "euro", "euros");
    private static final Set<String> DOLLAR_PREFIXES =
            Set.of("US", "AU", "A", "CA", "C", "NZ", "SG", "S", "HK", "R", "Mex");
    private static final int LONGEST_WORD_MARK = 5;

    private static final Map<String, String> DOLLAR_BY_COUNTRY = Map.ofEntries(
            Map.entry("US", "USD"),
            Map.entry("CA", "CAD"),
            Map.entry("AU", "AUD"),
            Map.entry("NZ", "NZD"),
            Map.entry("SG", "SGD"),
            Map.entry("HK", "HKD"),
            Map.entry("MX", "MXN"),
            Map.entry("TW", "TWD"),
            Map.entry("JM", "JMD"),
            Map.entry("BS", "BSD"),
            Map.entry("FJ", "FJD"),
            Map.entry("LR", "LRD"),
            Map.entry("NA", "NAD"),
            Map.entry("BZ", "BZD"),
            Map.entry("GY", "GYD"),
            Map.entry("TT", "TTD"),
            Map.entry("BB", "BBD"),
            Map.entry("SR", "SRD"),
            Map.entry("KY", "KYD"),
            Map.entry("BN", "BND"),
            Map.entry("SB", "SBD"),
            Map.entry("AR", "ARS"),
            Map.entry("CL", "CLP"),
            Map.entry("CO", "COP"),
            Map.entry("UY", "UYU"),
            Map.entry("CU", "CUP"),
            Map.entry("DO", "DOP"));

    private static final Map<String, String> KRONA_BY_COUNTRY =
            Map.of("SE", "SEK", "NO", "NOK", "DK", "DKK", "IS", "ISK", "FO", "DKK", "GL", "DKK");

    private static final Map<String, String> RUPEE_BY_COUNTRY =
            Map.of("IN", "INR", "PK", "PKR", "LK", "LKR", "NP", "NPR", "MU", "MUR", "SC", "SCR");

    private CurrencyMarks() {}

    /** The mark starting at {@code i}, or null; a word mark must start a word. */
    static Mark at(String text, int i) {
        char c = text.charAt(i);
        if (SYMBOLS.indexOf(c) >= 0) {
            return new Mark(i, i + 1, String.valueOf(c));
        }
        if (!Character.isLetter(c) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
            return null;
        }
        int n = text.length();
        int j = i + 1;
        while (j < n && Character.isLetter(text.charAt(j))) {
            j++;
        }
        if (j - i > LONGEST_WORD_MARK) {
            return null;
        }
        String word = text.substring(i, j);
        char next = j < n ? text.charAt(j) : ' ';
        if (next == '$' && DOLLAR_PREFIXES.contains(word)) {
            return new Mark(i, j + 1, word + "$");
        }
        if (Character.isDigit(next) && j - i != 2 && j - i != 3) {
            return null;
        }
        if (next == '.' && WORD_MARKS.contains(word + ".")) {
            return new Mark(i, j + 1, word + ".");
        }
        if (WORD_MARKS.contains(word)) {
            return new Mark(i, j, word);
        }
        if (j - i == 3
                && Character.isUpperCase(word.charAt(0))
                && Character.isUpperCase(word.charAt(1))
                && Character.isUpperCase(word.charAt(2))
                && code(word, null) != null) {
            return new Mark(i, j, word);
        }
        return null;
    }

    /** The mark ending exactly at {@code end}, or null. */
    static Mark endingAt(String text, int end) {
        if (end <= 0) {
            return null;
        }
        char c = text.charAt(end - 1);
        int k = end - 1;
        if (SYMBOLS.indexOf(c) < 0) {
            if (c == '.') {
                k--;
            }
            if (k < 0 || !Character.isLetter(text.charAt(k))) {
                return null;
            }
        }
        while (k > 0 && Character.isLetter(text.charAt(k - 1)) && end - k <= LONGEST_WORD_MARK + 2) {
            k--;
        }
        for (int start = k; start < end; start++) {
            Mark mark = at(text, start);
            if (mark != null && mark.end() == end) {
                return mark;
            }
        }
        return null;
    }

    /** Every mark in a text, left to right. */
    static List<Mark> all(String text) {
        List<Mark> marks = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            Mark mark = Character.isLetter(c) || SYMBOLS.indexOf(c) >= 0 ? at(text, i) : null;
            if (mark != null) {
                if (marks == null) {
                    marks = new ArrayList<>(2);
                }
                marks.add(mark);
                i = mark.end();
            } else if (Character.isLetter(c)) {
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return marks == null ? List.of() : marks;
    }

    /**
     * The ISO code a mark stands for, or null when it is not a currency ("THE" is not). A plain
     * {@code $}, {@code kr} or {@code Rs} is read by the country, then by the document's main
     * currency, then as USD, SEK and INR.
     */
    static String code(String mark, DocumentContext context) {
        String country = context == null ? null : context.country();
        String main = context == null ? null : context.currency();
        return switch (mark) {
            case "€", "Euro", "Euros", "EURO", "EUROS", "euro", "euros" -> "EUR";
            case "$" -> contextual(DOLLAR_BY_COUNTRY, country, main, "USD");
            case "US$" -> "USD";
            case "AU$", "A$" -> "AUD";
            case "CA$", "C$" -> "CAD";
            case "NZ$" -> "NZD";
            case "SG$", "S$" -> "SGD";
            case "HK$" -> "HKD";
            case "R$" -> "BRL";
            case "Mex$" -> "MXN";
            case "£" -> "GBP";
            case "¥" -> "CN".equals(country) || "CNY".equals(main) ? "CNY" : "JPY";
            case "₹" -> "INR";
            case "Rs", "Rs." -> contextual(RUPEE_BY_COUNTRY, country, main, "INR");
            case "RM" -> "MYR";
            case "SFr", "SFr.", "Fr.", "CHF" -> "CHF";
            case "kr", "kr.", "Kr", "Kr." -> contextual(KRONA_BY_COUNTRY, country, main, "SEK");
            case "zł" -> "PLN";
            case "Kč" -> "CZK";
            case "Ft" -> "HUF";
            case "₩" -> "KRW";
            case "₺" -> "TRY";
            case "₽" -> "RUB";
            case "₪" -> "ILS";
            case "₫" -> "VND";
            case "฿" -> "THB";
            case "₱" -> "PHP";
            case "₦" -> "NGN";
            default -> ISO_CODES.contains(mark) && !NOT_MONEY.contains(mark) && mark.charAt(0) != 'X' ? mark : null;
        };
    }

    /** Whether a mark is a symbol or abbreviation rather than a three-letter code. */
    static boolean isSymbol(String mark) {
        return mark.length() != 3 || !Character.isUpperCase(mark.charAt(0)) || !Character.isUpperCase(mark.charAt(2));
    }

    private static String contextual(Map<String, String> byCountry, String country, String main, String fallback) {
        if (country != null && byCountry.containsKey(country)) {
            return byCountry.get(country);
        }
        if (main != null && byCountry.containsValue(main)) {
            return main;
        }
        return fallback;
    }

    private static Set<String> isoCodes() {
        Set<String> codes = new HashSet<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            codes.add(currency.getCurrencyCode());
        }
        return Set.copyOf(codes);
    }
}
