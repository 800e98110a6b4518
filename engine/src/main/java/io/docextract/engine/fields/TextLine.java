package io.docextract.engine.fields;

import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.util.List;

/**
 * One line of the document as the field finder sees it: its words, their text joined by single
 * spaces (so scanner offsets map back to words), the column segments it splits into, and where
 * it sits.
 *
 * @param index position in the whole document's reading order
 * @param pageIndex position of the line on its page
 * @param wordStarts character offset of every word in {@code text}
 */
record TextLine(
        int index,
        int page,
        int pageIndex,
        double pageWidth,
        double pageHeight,
        Line line,
        String text,
        int[] wordStarts,
        List<Segment> segments,
        boolean ocr) {

    List<Word> words() {
        return line.words();
    }

    Box box() {
        return line.box();
    }

    /** Words overlapping characters {@code [start, end)} of {@link #text}, as {@code [from, to)}. */
    int[] wordsOf(int start, int end) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < wordStarts.length; i++) {
            int ws = wordStarts[i];
            int we = ws + words().get(i).text().length();
            if (we > start && ws < end) {
                if (from < 0) {
                    from = i;
                }
                to = i + 1;
            }
        }
        if (from < 0) {
            return new int[] {0, 0};
        }
        return new int[] {from, to};
    }

    Box boxOf(int from, int to) {
        Box box = words().get(from).box();
        for (int i = from + 1; i < to; i++) {
            box = Box.union(box, words().get(i).box());
        }
        return box;
    }

    String textOf(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(' ');
            }
            out.append(words().get(i).text());
        }
        return out.toString();
    }

    Segment segmentOf(int word) {
        for (Segment segment : segments) {
            if (word >= segment.from() && word < segment.to()) {
                return segment;
            }
        }
        return segments.getLast();
    }

    double height() {
        return line.box().height();
    }

    /** Mean word confidence: 1 for text layers, Tesseract's for OCR. */
    double confidence(int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += words().get(i).confidence();
        }
        return to > from ? sum / (to - from) : 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextLine other && other.index == index;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(index);
    }

    @Override
    public String toString() {
        return "TextLine[" + index + "@" + page + ": " + text + "]";
    }
}
