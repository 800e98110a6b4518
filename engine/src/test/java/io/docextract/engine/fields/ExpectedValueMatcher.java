package io.docextract.engine.fields;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation's matching rules (shared/eval/README.md), for the corpus tools: whether a
 * returned value counts as the labelled one.
 */
final class ExpectedValueMatcher {

    private ExpectedValueMatcher() {}

    /** The rule for a field: its {@code match} override, else its type, else id-like names. */
    static String rule(String name, String type, String match) {
        if (match != null) {
            return match;
        }
        return switch (type) {
            case "currency", "number" -> "number";
            case "date" -> "date";
            case "email" -> "email";
            case "phone" -> "phone";
            case "boolean" -> "boolean";
            case "array" -> "set";
            default -> isIdName(name) ? "id" : "text";
        };
    }

    /** evaluate.py's ID_NAMES and looks_like_id. */
    static boolean isIdName(String name) {
        return ID_NAMES.contains(name)
                || name.endsWith("_id")
                || name.endsWith("_number")
                || name.endsWith("_iban")
                || name.endsWith("_bic");
    }

    private static final java.util.Set<String> ID_NAMES = java.util.Set.of(
            "invoice_number",
            "iban",
            "bic",
            "document_number",
            "receipt_number",
            "order_number",
            "po_number",
            "account_number",
            "reference_number");

    static boolean matches(String rule, Object expected, Object returned) {
        if (returned == null || expected == null) {
            return false;
        }
        return switch (rule) {
            case "number" -> {
                BigDecimal e = number(expected);
                BigDecimal r = number(returned);
                yield e != null && r != null && e.subtract(r).abs().doubleValue() < 0.005;
            }
            case "date" ->
                returned instanceof String r
                        && r.strip().equals(asText(expected).strip());
            case "id" -> {
                String e = id(asText(expected));
                yield !e.isEmpty() && e.equals(id(asText(returned)));
            }
            case "email" -> email(asText(expected)).equals(email(asText(returned)));
            case "phone" -> {
                String e = asText(expected).replaceAll("\\D", "");
                String r = asText(returned).replaceAll("\\D", "");
                yield !e.isEmpty()
                        && (e.equals(r)
                                || e.length() >= 9
                                        && r.length() >= 9
                                        && e.substring(e.length() - 9).equals(r.substring(r.length() - 9)));
            }
            case "url" -> url(asText(expected)).equals(url(asText(returned)));
            case "boolean" -> truth(returned) != null && truth(returned).equals(truth(expected));
            default -> text(asText(expected)).equals(text(asText(returned)));
        };
    }

    /** evaluate.py's to_text: a whole float without its ".0" (319.0 is "319"). */
    private static String asText(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    private static String email(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("mailto:") ? t.substring(7) : t;
    }

    /** evaluate.py's to_number: the right-most separator is decimal unless it groups thousands. */
    static BigDecimal number(Object value) {
        if (value instanceof Boolean) {
            return null;
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        String s = Normalizer.normalize(value.toString(), Normalizer.Form.NFKC)
                .strip()
                .replace('\u2212', '-');
        java.util.regex.Matcher digit = java.util.regex.Pattern.compile("\\d").matcher(s);
        if (!digit.find()) {
            return null;
        }
        String head = s.substring(0, digit.start());
        boolean negative = head.contains("-") || s.endsWith("-") || s.startsWith("(") && s.endsWith(")");
        String core = s.replaceAll("[^\\d.,]", "");
        if (core.contains(".") && core.contains(",")) {
            boolean dotDecimal = core.lastIndexOf('.') > core.lastIndexOf(',');
            core = dotDecimal ? core.replace(",", "") : core.replace(".", "").replace(',', '.');
        } else if (core.contains(",")) {
            String[] parts = core.split(",", -1);
            core = parts.length > 2 || parts[parts.length - 1].length() == 3
                    ? core.replace(",", "")
                    : core.replace(',', '.');
        } else if (core.indexOf('.') != core.lastIndexOf('.')) {
            core = core.replace(".", "");
        }
        try {
            BigDecimal b = new BigDecimal(core);
            return negative ? b.negate() : b;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String id(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** evaluate.py's norm_text: NFKC, case folded, whitespace collapsed, end punctuation stripped. */
    static String text(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
        return t.replaceAll("^[\\p{P}\\p{S}\\p{Z}\\s]+|[\\p{P}\\p{S}\\p{Z}\\s]+$", "");
    }

    private static String url(String s) {
        String t = text(s).replaceFirst("^[a-z][a-z0-9+.-]*://", "").replaceFirst("^www\\.", "");
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return text(t);
    }

    /** evaluate.py's to_bool: null for anything but the yes/no words. */
    private static Boolean truth(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (text(asText(v))) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Cell F1 counts: matched cells, returned non-null cells, labelled cells (greedy pairing). */
    static int[] tableCells(
            List<Map<String, Object>> expected, List<Map<String, Object>> returned, Map<String, String> rules) {
        int labelled = 0;
        for (Map<String, Object> row : expected) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (e.getValue() != null && rules.containsKey(e.getKey())) {
                    labelled++;
                }
            }
        }
        int returnedCells = 0;
        for (Map<String, Object> row : returned) {
            for (String key : rules.keySet()) {
                if (row.get(key) != null && expected.stream().anyMatch(r -> r.containsKey(key))) {
                    returnedCells++;
                }
            }
        }
        // Greedy pairing by most matching cells, in order: close enough to the harness's optimum.
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < returned.size(); i++) {
            free.add(i);
        }
        int matched = 0;
        for (Map<String, Object> row : expected) {
            int best = -1;
            int bestCount = 0;
            for (int i : free) {
                int count = 0;
                for (Map.Entry<String, Object> e : row.entrySet()) {
                    String rule = rules.get(e.getKey());
                    if (rule != null
                            && matches(rule, e.getValue(), returned.get(i).get(e.getKey()))) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    bestCount = count;
                    best = i;
                }
            }
            if (best >= 0) {
                free.remove(Integer.valueOf(best));
                matched += bestCount;
            }
        }
        return new int[] {matched, returnedCells, labelled};
    }

    /**
     * The labelled row each returned row is paired with (greedy, by most matching cells, like
     * {@link #tableCells}), or -1.
     */
    static int[] pairing(
            List<Map<String, Object>> expected, List<Map<String, Object>> returned, Map<String, String> rules) {
        int[] pairedWith = new int[returned.size()];
        java.util.Arrays.fill(pairedWith, -1);
        for (int e = 0; e < expected.size(); e++) {
            Map<String, Object> row = expected.get(e);
            int best = -1;
            int bestCount = 0;
            for (int i = 0; i < returned.size(); i++) {
                if (pairedWith[i] >= 0) {
                    continue;
                }
                int count = 0;
                for (Map.Entry<String, Object> cell : row.entrySet()) {
                    String rule = rules.get(cell.getKey());
                    if (rule != null
                            && matches(rule, cell.getValue(), returned.get(i).get(cell.getKey()))) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    bestCount = count;
                    best = i;
                }
            }
            if (best >= 0) {
                pairedWith[best] = e;
            }
        }
        return pairedWith;
    }
}
