package io.docextract.engine.fields;

import io.docextract.engine.layout.Box;
import java.util.List;

/**
 * Text that may caption a value: its tokens, what it names in the lexicon, and how it sits
 * relative to the value.
 *
 * @param gap horizontal distance from the label's right edge to the value (page widths)
 * @param sameSegment the label is in the value's own segment ("Total: 12.00")
 * @param distance lines skipped to reach it (above), or 1 for a row caption left of other values
 */
record Label(
        String text, List<String> tokens, LabelMatch match, Box box, double gap, boolean sameSegment, int distance) {

    static final Label NONE = new Label("", List.of(), LabelMatch.NONE, null, 0, false, 0);

    Label {
        tokens = List.copyOf(tokens);
    }

    boolean isNone() {
        return box == null;
    }
}
