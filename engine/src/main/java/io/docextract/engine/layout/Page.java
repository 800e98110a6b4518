package io.docextract.engine.layout;

import java.util.List;

/**
 * One page: 1-based number, size in points (or pixels for images; only the ratio matters since
 * boxes are normalized), and its lines top to bottom. {@code ocr} says whether the words came
 * from OCR.
 */
public record Page(int number, double width, double height, List<Line> lines, boolean ocr) {

    public Page {
        lines = List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
