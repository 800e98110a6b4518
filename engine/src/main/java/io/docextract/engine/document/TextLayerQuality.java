package io.docextract.engine.document;

import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.util.List;

/** Whether a PDF page's text layer can be trusted, or the page must be OCRed instead. */
enum TextLayerQuality {
    USABLE(false),
    /** No text, or only a few characters (a scan, perhaps with a stamped page number). */
    MISSING(true),
    /** Text whose glyphs map to nothing readable (fonts without a usable Unicode mapping). */
    GARBLED(true);

    /** Fewer visible characters than this and the page counts as having no text layer. */
    static final int MIN_CHARACTERS = 12;

    private static final double MAX_BAD_SHARE = 0.25;
    private static final double MIN_READABLE_SHARE = 0.6;

    private final boolean needsOcr;

    TextLayerQuality(boolean needsOcr) {
        this.needsOcr = needsOcr;
    }

    boolean needsOcr() {
        return needsOcr;
    }

    static TextLayerQuality of(List<Line> lines) {
        int visible = 0;
        int bad = 0;
        int readable = 0;
        for (Line line : lines) {
            for (Word word : line.words()) {
                String text = word.text();
                for (int i = 0; i < text.length(); ) {
                    int cp = text.codePointAt(i);
                    i += Character.charCount(cp);
                    if (Character.isWhitespace(cp)) {
                        continue;
                    }
                    visible++;
                    if (isUnmapped(cp)) {
                        bad++;
                    } else if (Character.isLetterOrDigit(cp) || isCommonPunctuation(cp)) {
                        readable++;
                    }
                }
            }
        }
        if (visible < MIN_CHARACTERS) {
            return MISSING;
        }
        if (bad > visible * MAX_BAD_SHARE || readable < visible * MIN_READABLE_SHARE) {
            return GARBLED;
        }
        return USABLE;
    }

    private static boolean isUnmapped(int cp) {
        int type = Character.getType(cp);
        return cp == 0xFFFD
                || type == Character.CONTROL
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE;
    }

    private static boolean isCommonPunctuation(int cp) {
        return ".,:;-/()%€$£¥#&'\"+*@!?_[]<>=|°§".indexOf(cp) >= 0
                || Character.getType(cp) == Character.CURRENCY_SYMBOL
                || Character.getType(cp) == Character.DASH_PUNCTUATION;
    }
}
