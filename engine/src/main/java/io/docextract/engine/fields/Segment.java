package io.docextract.engine.fields;

import io.docextract.engine.layout.Box;
import java.util.List;

/**
 * A run of words on one line without a wide gap: one cell of a column layout ("Invoice no.:" and
 * "4711" far to its right are two segments of one line).
 *
 * @param from first word index in the line
 * @param to one past the last word index
 * @param tokens {@link Tokenizer} tokens of the text
 * @param label what the text names in the lexicon
 */
record Segment(int lineIndex, int from, int to, String text, Box box, List<String> tokens, LabelMatch label) {

    Segment {
        tokens = List.copyOf(tokens);
    }

    boolean hasLetters() {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
