package io.docextract.engine.fields;

import java.util.Set;

/**
 * What a piece of label text names: the concepts whose phrase matched the most tokens, and how
 * much of the label that phrase covers (1 when the label is exactly the phrase).
 */
record LabelMatch(Set<String> concepts, double coverage, int matchedTokens, int labelTokens) {

    static final LabelMatch NONE = new LabelMatch(Set.of(), 0, 0, 0);

    LabelMatch {
        concepts = Set.copyOf(concepts);
    }

    boolean isEmpty() {
        return concepts.isEmpty();
    }
}
