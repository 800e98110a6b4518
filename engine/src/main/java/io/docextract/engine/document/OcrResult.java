package io.docextract.engine.document;

import io.docextract.engine.layout.Line;
import java.util.List;

/**
 * What OCR read on one page image: lines with boxes normalized to the image, the size of the
 * image they refer to (after it was turned upright) and the mean word confidence (0–1).
 */
record OcrResult(List<Line> lines, int width, int height, double meanConfidence) {

    OcrResult {
        lines = List.copyOf(lines);
    }

    int wordCount() {
        return lines.stream().mapToInt(line -> line.words().size()).sum();
    }
}
