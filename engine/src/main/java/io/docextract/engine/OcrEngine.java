package io.docextract.engine;

import java.util.Locale;

/** Which OCR reader reads scanned pages and images ({@code DOCEXTRACT_OCR_ENGINE}). */
public enum OcrEngine {
    /** Tesseract for every page. */
    TESSERACT,
    /** PP-OCR for every page when its models are installed, else Tesseract. */
    PADDLE,
    /**
     * Tesseract first; PP-OCR, when its models are installed, for a page Tesseract reads noisily
     * (photographed or thermal print), kept when it reads the page as English.
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
