package io.docextract.engine.values;

/**
 * A number found in a line with what stands around it: the span {@code [start, end)} includes
 * its currency mark, sign and brackets; {@code [numberStart, numberEnd)} is the digits alone.
 *
 * @param currencyMark the currency symbol or code written next to it, or null
 * @param negative whether a minus, trailing minus, {@code CR} or accounting brackets negate it
 * @param percent whether a {@code %} follows
 * @param unitGlued whether letters other than a currency follow without a space ({@code 12kg})
 * @param repaired whether OCR letters had to be read as digits
 * @param groupTail whether this is the last part of a space-grouped number read on its own
 * @param digits how many digits the number has
 * @param plain whether it is digits alone, without separators or decimals
 */
record NumberToken(
        int start,
        int end,
        int numberStart,
        int numberEnd,
        NumberReading reading,
        String currencyMark,
        boolean negative,
        boolean percent,
        boolean unitGlued,
        boolean repaired,
        boolean groupTail,
        int digits,
        boolean plain) {

    boolean hasCurrency() {
        return currencyMark != null;
    }

    /** A whole number written with a leading zero ({@code 0115}) is a code, not a quantity. */
    boolean leadingZero() {
        return plain && digits > 1 && reading.value().precision() < digits;
    }
}
