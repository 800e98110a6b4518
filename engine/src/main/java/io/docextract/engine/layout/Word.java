package io.docextract.engine.layout;

/**
 * One word as printed: its text, its box on the page, how sure the reader is of it (1 for a
 * text layer, Tesseract's confidence / 100 for OCR) and the font size in points (0 when
 * unknown).
 */
public record Word(String text, Box box, double confidence, double fontSize, boolean bold) {

    public static Word of(String text, Box box) {
        return new Word(text, box, 1.0, 0, false);
    }
}
