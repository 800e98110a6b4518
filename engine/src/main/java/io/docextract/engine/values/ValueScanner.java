package io.docextract.engine.values;

import java.util.List;

/** Finds every value of one kind in a piece of text (usually one line). */
public interface ValueScanner {

    /** All matches, left to right; overlapping readings are allowed and each has its quality. */
    List<ValueMatch> scan(String text, DocumentContext context);
}
