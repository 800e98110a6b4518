package io.docextract.engine.values;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Month and weekday names, full and abbreviated, in English, German, French, Spanish, Dutch and
 * Italian, with the regular-expression alternations the date patterns are built from.
 */
final class CalendarWords {

    private static final String[][] MONTHS = {
        {"january", "jan", "januar", "jänner", "jän", "janvier", "janv", "enero", "ene", "januari", "gennaio", "gen"},
        {
            "february",
            "feb",
            "febr",
            "februar",
            "février",
            "fevrier",
            "févr",
            "fevr",
            "fév",
            "fev",
            "febrero",
            "februari",
            "febbraio"
        },
        {"march", "mar", "märz", "maerz", "mrz", "mär", "mars", "marzo", "maart", "mrt"},
        {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
        {"may", "mai", "mayo", "mei", "maggio", "mag"},
        {"june", "jun", "juni", "juin", "junio", "giugno", "giu"},
        {"july", "jul", "juli", "juillet", "juil", "juill", "julio", "luglio", "lug"},
        {"august", "aug", "août", "aout", "agosto", "ago", "augustus"},
        {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "settembre", "sett"},
        {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott"},
        {"november", "nov", "novembre", "noviembre"},
        {"december", "dec", "dezember", "dez", "décembre", "décembre", "déc", "diciembre", "dic", "dicembre"},
    };

    private static final String[] WEEKDAYS = {
        "monday",
        "mon",
        "tuesday",
        "tue",
        "tues",
        "wednesday",
        "wed",
        "thursday",
        "thu",
        "thur",
        "thurs",
        "friday",
        "fri",
        "saturday",
        "sat",
        "sunday",
        "sun",
        "montag",
        "mo",
        "dienstag",
        "di",
        "mittwoch",
        "mi",
        "donnerstag",
        "do",
        "freitag",
        "fr",
        "samstag",
        "sonnabend",
        "sa",
        "sonntag",
        "so",
        "lundi",
        "lun",
        "mardi",
        "mar",
        "mercredi",
        "mer",
        "jeudi",
        "jeu",
        "vendredi",
        "ven",
        "samedi",
        "sam",
        "dimanche",
        "dim",
        "lunes",
        "martes",
        "miércoles",
        "miercoles",
        "jueves",
        "viernes",
        "sábado",
        "sabado",
        "domingo",
        "maandag",
        "ma",
        "dinsdag",
        "woensdag",
        "wo",
        "donderdag",
        "vrijdag",
        "vr",
        "zaterdag",
        "za",
        "zondag",
        "zo",
        "lunedì",
        "lunedi",
        "martedì",
        "martedi",
        "mercoledì",
        "mercoledi",
        "giovedì",
        "giovedi",
        "venerdì",
        "venerdi",
        "sabato",
        "domenica",
    };

    private static final Map<String, Integer> MONTH_BY_NAME = new HashMap<>();

    static {
        for (int m = 0; m < MONTHS.length; m++) {
            for (String name : MONTHS[m]) {
                MONTH_BY_NAME.put(name, m + 1);
                MONTH_BY_NAME.put(foldAccents(name), m + 1);
            }
        }
    }

    private static final Set<String> WEEKDAY_NAMES = weekdayNames();

    /** Letters in the longest month name; longer words need no lookup. */
    static final int LONGEST_MONTH =
            MONTH_BY_NAME.keySet().stream().mapToInt(String::length).max().orElse(0);

    private CalendarWords() {}

    /** The month (1–12) named by characters {@code [start, end)} of a text, or 0. */
    static int month(String text, int start, int end) {
        return month(text.substring(start, end));
    }

    static boolean isWeekday(String word) {
        return WEEKDAY_NAMES.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The month (1–12) a name stands for, or 0. */
    static int month(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1);
        }
        Integer month = MONTH_BY_NAME.get(key);
        if (month == null && !isAscii(key)) {
            month = MONTH_BY_NAME.get(foldAccents(key));
        }
        return month == null ? 0 : month;
    }

    private static Set<String> weekdayNames() {
        Set<String> names = new HashSet<>();
        for (String name : WEEKDAYS) {
            names.add(name);
            names.add(foldAccents(name));
        }
        return Set.copyOf(names);
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static String foldAccents(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
