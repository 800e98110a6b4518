package io.docextract.engine;

import io.docextract.engine.layout.Box;

/** Where a value was read: 1-based page, a box normalized to the page, and the source text. */
public record FieldLocation(int page, Box box, String text) {}
