package io.docextract.engine.document;

import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.util.List;

/**
 * What OCR read on one page image: lines with boxes normalized to the image, the size of the
 * image they refer to (after it was turned upright), the mean word confidence (0–1) and the
 * Tesseract languages that read it.
 */
record OcrResult(List<Line> lines, int width, int height, double meanConfidence, String languages) {

    OcrResult {
        lines = List.copyOf(lines);
    }

    /**
     * Whether most words are taller than wide: Tesseract read a sideways page as vertical text,
     * which gives good confidence but lines that run down the page.
     */
    boolean sideways() {
        long longWords = 0;
        long tall = 0;
        for (Line line : lines) {
            for (Word word : line.words()) {
                if (word.text().length() >= 3) {
                    longWords++;
                    if (word.box().height() * height > word.box().width() * width) {
                        tall++;
                    }
                }
            }
        }
        return longWords > 0 && tall * 2 > longWords;
    }

    int wordCount() {
        return lines.stream().mapToInt(line -> line.words().size()).sum();
    }
}
