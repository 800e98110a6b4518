package io.docextract.engine;

import java.util.Locale;

/** Which OCR reader reads scanned pages and images ({@code DOCEXTRACT_OCR_ENGINE}). */
public enum OcrEngine {
    /** Tesseract for every page. */
    TESSERACT,
    /** PP-OCR for every page when its models are installed, else Tesseract. */
    PADDLE,
    /**
     * PP-OCR first when its models are installed; Tesseract for a page whose words are in a
     * language with letters PP-OCR lacks (German, French, …), or that PP-OCR reads as almost
     * nothing (a sideways page, which only Tesseract turns).
     */
    AUTO;

    /** The engine named {@code value} (any case). */
    public static OcrEngine parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OCR engine must be tesseract, paddle or auto, not '" + value + "'", e);
        }
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
