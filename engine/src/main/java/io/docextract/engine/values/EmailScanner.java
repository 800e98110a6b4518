package io.docextract.engine.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses, lower-cased. OCR sometimes puts spaces around the {@code @}; such
 * readings are kept with lower quality.
 */
public final class EmailScanner implements ValueScanner {

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.%+-])"
            + "([A-Za-z0-9][A-Za-z0-9._%+-]*)( ?)@( ?)"
            + "(" + LABEL + "(?:\\." + LABEL + ")*\\.[A-Za-z]{2,24})(?![A-Za-z0-9-]|\\.[A-Za-z0-9])");

    @Override
    public List<ValueMatch> scan(String text, DocumentContext context) {
        if (text.indexOf('@') < 0) {
            return List.of();
        }
        List<ValueMatch> matches = new ArrayList<>(1);
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            String local = m.group(1);
            if (local.endsWith(".") || local.contains("..")) {
                continue;
            }
            boolean spaced = !m.group(2).isEmpty() || !m.group(3).isEmpty();
            String email = (local + "@" + m.group(4)).toLowerCase(Locale.ROOT);
            matches.add(new ValueMatch(m.start(), m.end(), email, spaced ? 0.7 : 0.97));
        }
        return matches;
    }
}
