package io.docextract.engine.values;

/** How a document writes numeric dates whose day and month are both ≤ 12. */
public enum DateOrder {
    DAY_FIRST,
    MONTH_FIRST,
    UNKNOWN
}
