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

    static boolean isIdName(String name) {
        return name.endsWith("_number")
                || name.endsWith("_id")
                || name.equals("iban")
                || name.equals("bic")
                || name.endsWith("_no");
    }

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
            case "date" -> expected.toString().equals(returned.toString());
            case "id" -> id(expected.toString()).equals(id(returned.toString()));
            case "email" ->
                expected.toString()
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .equals(returned.toString().strip().toLowerCase(Locale.ROOT));
            case "phone" -> {
                String e = expected.toString().replaceAll("\\D", "");
                String r = returned.toString().replaceAll("\\D", "");
                yield e.equals(r)
                        || e.length() >= 9
                                && r.length() >= 9
                                && e.substring(e.length() - 9).equals(r.substring(r.length() - 9));
            }
            case "url" -> url(expected.toString()).equals(url(returned.toString()));
            case "boolean" -> truth(expected) == truth(returned);
            default -> text(expected.toString()).equals(text(returned.toString()));
        };
    }

    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        String s = value.toString().replaceAll("[^0-9.,()-]", "");
        boolean negative = s.startsWith("(") || s.startsWith("-");
        s = s.replaceAll("[()-]", "");
        int dot = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
        if (dot >= 0) {
            s = s.substring(0, dot).replaceAll("[.,]", "") + "." + s.substring(dot + 1);
        }
        try {
            BigDecimal b = new BigDecimal(s);
            return negative ? b.negate() : b;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String id(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    static String text(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
        t = t.replaceAll("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$", "");
        return t;
    }

    private static String url(String s) {
        String t = s.toLowerCase(Locale.ROOT)
                .strip()
                .replaceFirst("^[a-z]+://", "")
                .replaceFirst("^www\\.", "");
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    private static boolean truth(Object v) {
        String s = v.toString().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("yes") || s.equals("1");
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
