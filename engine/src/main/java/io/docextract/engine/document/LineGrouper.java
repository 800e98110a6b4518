package io.docextract.engine.document;

import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups positioned words into lines by baseline: words whose vertical extents overlap enough
 * share a line, ordered left to right; lines run top to bottom.
 */
final class LineGrouper {

    /** Minimum vertical overlap (relative to the smaller height) for two words to share a line. */
    private static final double SAME_LINE_OVERLAP = 0.5;

    private LineGrouper() {}

    static List<Line> group(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingDouble((Word w) -> w.box().centerY())
                .thenComparingDouble(w -> w.box().x0()));
        List<Row> rows = new ArrayList<>();
        for (Word word : sorted) {
            Row best = null;
            double bestOverlap = SAME_LINE_OVERLAP;
            // Rows are created in centerY order, so only the last few can still overlap.
            for (int i = rows.size() - 1; i >= 0 && i >= rows.size() - 8; i--) {
                Row row = rows.get(i);
                double overlap = row.anchor.verticalOverlap(word.box());
                if (overlap >= bestOverlap && !row.collides(word.box())) {
                    best = row;
                    bestOverlap = overlap;
                }
            }
            if (best == null) {
                best = new Row(word.box());
                rows.add(best);
            }
            best.words.add(word);
        }
        return rows.stream()
                .map(row -> {
                    row.words.sort(Comparator.comparingDouble(w -> w.box().x0()));
                    return new Line(row.words);
                })
                .sorted(Comparator.comparingDouble((Line l) -> l.box().y0())
                        .thenComparingDouble(l -> l.box().x0()))
                .toList();
    }

    /**
     * A line being built. The anchor is its first word's box and does not grow, so a tall word
     * cannot chain two separate lines together.
     */
    private static final class Row {
        private final Box anchor;
        private final List<Word> words = new ArrayList<>();

        Row(Box anchor) {
            this.anchor = anchor;
        }

        /** Words printed over each other (e.g. a table cell above) are not the same line. */
        boolean collides(Box box) {
            for (Word word : words) {
                if (word.box().horizontalOverlap(box) > 0.5 && word.box().verticalOverlap(box) < 0.9) {
                    return true;
                }
            }
            return false;
        }
    }
}
