package io.docextract.engine.values;

import java.util.Set;

/**
 * Which mark a document writes between whole and fractional digits, known from its language or
 * country. It only decides numbers that are ambiguous on their own ({@code 1.234}, {@code
 * 1,234}) and whether a space inside digits is more likely a thousands gap or a column gap.
 */
enum DecimalConvention {
    POINT('.'),
    COMMA(','),
    UNKNOWN((char) 0);

    private static final Set<String> POINT_LANGUAGES = Set.of("en", "ja", "zh", "ko", "th", "he", "ms", "hi");
    private static final Set<String> COMMA_LANGUAGES = Set.of(
            "de", "fr", "es", "nl", "it", "pt", "pl", "cs", "sk", "hu", "ro", "bg", "hr", "sl", "da", "sv", "no", "nb",
            "fi", "et", "lv", "lt", "el", "tr", "ru", "uk", "id", "vi");
    private static final Set<String> POINT_COUNTRIES = Set.of(
            "US", "GB", "IE", "IN", "MY", "SG", "AU", "NZ", "CA", "JP", "CN", "HK", "TW", "PH", "TH", "MX", "IL", "KR",
            "CH", "LI", "PK", "LK", "NG", "KE", "AE", "SA");
    /** Countries whose documents group thousands with spaces ("1 234,56"). */
    private static final Set<String> SPACE_GROUPING_COUNTRIES = Set.of(
            "FR", "PL", "CZ", "SK", "SE", "NO", "FI", "EE", "LV", "LT", "HU", "RU", "UA", "BG", "LU", "PT", "BE", "CH");

    private final char decimalMark;

    DecimalConvention(char decimalMark) {
        this.decimalMark = decimalMark;
    }

    char decimalMark() {
        return decimalMark;
    }

    static DecimalConvention of(DocumentContext context) {
        if (context == null) {
            return UNKNOWN;
        }
        if (context.language() != null) {
            if (POINT_LANGUAGES.contains(context.language())) {
                return POINT;
            }
            if (COMMA_LANGUAGES.contains(context.language())) {
                return COMMA;
            }
        }
        if (context.country() != null) {
            return POINT_COUNTRIES.contains(context.country()) ? POINT : COMMA;
        }
        return UNKNOWN;
    }

    /** Whether "1 234" in this document is more likely one number than two. */
    static Boolean spaceGroupsThousands(DocumentContext context) {
        if (context == null) {
            return null;
        }
        if ("fr".equals(context.language())) {
            return true;
        }
        if (context.country() != null) {
            return SPACE_GROUPING_COUNTRIES.contains(context.country());
        }
        if (context.language() != null) {
            return false;
        }
        return null;
    }
}
