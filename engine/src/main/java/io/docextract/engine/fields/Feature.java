package io.docextract.engine.fields;

/** The features of one (field, candidate) pair; {@link FeatureExtractor} computes them. */
enum Feature {
    BIAS,
    LEFT_LABEL_SIM,
    LEFT_LABEL_TOP,
    LEFT_LABEL_OTHER,
    LEFT_LABEL_SAME_SEGMENT,
    LEFT_LABEL_GAP,
    ABOVE_LABEL_SIM,
    ABOVE_LABEL_TOP,
    ABOVE_LABEL_OTHER,
    ABOVE_LABEL_DISTANCE,
    LABEL_LEXICAL,
    LABEL_NEGATED,
    NO_LABEL,
    OWN_TEXT_IS_LABEL,
    OWN_TEXT_SIM,
    QUALITY,
    Y_POSITION,
    X_POSITION,
    LATER_PAGE,
    FIRST_LINES,
    FONT_RATIO,
    BOLD,
    LOG_COMPETITORS,
    LOG_REPEATS,
    IS_MAX_AMOUNT,
    AMOUNT_RANK,
    SUM_OF_TWO,
    PART_OF_SUM,
    /**
     * The amount sits on the field's side of a labelled tax: +1 for a gross field's amount that is
     * another amount plus the tax, or a net field's amount that the tax tops up to another; -1 the
     * other way round.
     */
    TAX_SIDE,
    /**
     * The amount is another amount with a labelled rounding adjustment applied, printed after
     * both (+1), or the amount before a rounding that a later amount applies (-1); for gross
     * fields only ("Total including rounding").
     */
    ROUNDING_SIDE,
    /**
     * The amount is a year-to-date figure (its column header, or a heading line a few lines above
     * it, names one) and the field does not ask for one: a payslip's "Year to date" block repeats
     * the period's labels beside cumulative amounts.
     */
    CUMULATIVE,
    NEGATIVE,
    TABLE_ROW,
    OCR_CONFIDENCE,
    ROLE_MATCH,
    ROLE_MISMATCH,
    UNLABELLED_ISSUER_SIDE,
    /** Printed again outside the field's own party blocks (log count), signed +1 for an issuer's field, -1 for a recipient's. */
    ROLE_ECHOES,
    /** An unlabelled value at the top of the first page (letterhead), signed by role. */
    ROLE_LETTERHEAD,
    /** An unlabelled value in a page's footer, signed by role. */
    ROLE_FOOTER,
    RANGE_AGREE,
    RANGE_DISAGREE,
    DIGIT_SHARE,
    LOG_LENGTH,
    WORD_COUNT,
    /** The share of the text's words that begin in lower case: prose, not a name or an address. */
    LOWER_CASE_WORDS,
    LEGAL_FORM,
    ADDRESS_SHAPE,
    HAS_CONTACT,
    LINE_SPAN,
    /** An address starting under the best name of its party, in its column (the name's probability). */
    UNDER_PARTY_NAME,
    /** A due date before the document's best issue date (that date's probability). */
    BEFORE_ISSUE_DATE,
    /** A colon follows the text: it labels a value rather than being one ("Salesperson :"). */
    LABEL_COLON,
    /** Money (two decimals) is printed on the text's line beside it: a table row or a totals line, not a party's name or address. */
    AMOUNT_BESIDE,
    SOURCE_SCANNED,
    SOURCE_AFTER_LABEL,
    SOURCE_TOKENS,
    SOURCE_BLOCK,
    SOURCE_INFERRED,
    SPECIFIC_SCANNER
}
