package io.docextract.engine.document;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where a prepared page is cut so that its top band can be read first, to learn the page's
 * language before the page is read: below the first quarter of its rows of text, in a clean gap
 * between two of them. The title and the captions of a document are at its top, and a quarter of
 * its rows costs about a quarter of a reading, where reading a German page in English first cost
 * a whole one (docs/decisions.md, "OCR languages").
 */
final class LanguageProbe {

    /** The share of the page's rows of text that the top band holds. */
    static final double SHARE = 0.25;

    /** Pages with fewer rows of text are read whole: a band would save little and cost a process. */
    static final int MIN_ROWS = 8;

    /** The top band may reach no further down the page than this, lest a table's rules join its rows. */
    static final double MAX_BAND = 0.5;

    /** Darker than this is ink on a prepared page, whose background is flattened to white. */
    private static final int INK = 128;

    /**
     * A pixel row with less ink than this share of its width is blank: specks and the vertical
     * rules of a table cross the gaps between rows of text.
     */
    private static final double BLANK_INK = 0.01;

    /** A gap between rows of text is at least this many blank pixel rows (1/100 inch at 300 dpi). */
    private static final int MIN_GAP = 3;

    /** Inked rows shorter than this (descenders, underlines, specks) are no row of text of their own. */
    private static final int MIN_ROW_HEIGHT = 8;

    /** The band is cut in a pixel row with no more ink than specks, where a table's rules are not. */
    private static final int CLEAN_INK = 2;

    /** Clean pixel rows the cut needs around it. */
    private static final int MIN_CLEAN = 3;

    private LanguageProbe() {}

    /**
     * The pixel row at which the top band ends: the middle of the clean rows of the first gap
     * after the first quarter of the page's rows of text that has clean rows; empty for a page
     * with few rows of text or no such gap in its top half.
     */
    static OptionalInt cut(BufferedImage gray) {
        int[] ink = inkPerRow(gray);
        int blank = Math.max(1, (int) (gray.getWidth() * BLANK_INK));
        List<Gap> gaps = gaps(ink, blank);
        int rows = rowsOfText(gaps, ink.length);
        if (rows < MIN_ROWS) {
            return OptionalInt.empty();
        }
        int wanted = (int) Math.ceil(rows * SHARE);
        int seen = 0;
        for (Gap gap : gaps) {
            if (gap.from() == 0) {
                continue;
            }
            seen++;
            if (gap.from() > ink.length * MAX_BAND) {
                break;
            }
            OptionalInt clean = seen >= wanted ? gap.cleanMiddle(gray) : OptionalInt.empty();
            if (clean.isPresent()) {
                return clean;
            }
        }
        return OptionalInt.empty();
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a gray image, as an image of their own. */
    static BufferedImage rows(BufferedImage gray, int from, int to) {
        int width = gray.getWidth();
        BufferedImage band = new BufferedImage(width, to - from, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(
                ScanPreprocessor.pixels(gray), from * width, ScanPreprocessor.pixels(band), 0, (to - from) * width);
        return band;
    }

    private static int[] inkPerRow(BufferedImage gray) {
        Raster raster = gray.getRaster();
        int width = gray.getWidth();
        int[] row = new int[width];
        int[] ink = new int[gray.getHeight()];
        for (int y = 0; y < ink.length; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            int dark = 0;
            for (int value : row) {
                if (value < INK) {
                    dark++;
                }
            }
            ink[y] = dark;
        }
        return ink;
    }

    /**
     * Runs of at least {@link #MIN_GAP} blank rows, top to bottom, that have a row of text between
     * them: the few inked rows of a line's descenders below a blank run do not end a gap.
     */
    private static List<Gap> gaps(int[] ink, int blank) {
        List<Gap> gaps = new ArrayList<>();
        int start = -1;
        for (int y = 0; y <= ink.length; y++) {
            boolean isBlank = y < ink.length && ink[y] < blank;
            if (isBlank && start < 0) {
                start = y;
            } else if (!isBlank && start >= 0) {
                if (y - start >= MIN_GAP || start == 0 || y == ink.length) {
                    Gap gap = new Gap(start, y);
                    if (!gaps.isEmpty() && gap.from() - gaps.getLast().to() < MIN_ROW_HEIGHT) {
                        gap = new Gap(gaps.removeLast().from(), y);
                    }
                    gaps.add(gap);
                }
                start = -1;
            }
        }
        return gaps;
    }

    /** The rows of text between the gaps and the page's edges. */
    private static int rowsOfText(List<Gap> gaps, int height) {
        boolean startsBlank = !gaps.isEmpty() && gaps.getFirst().from() == 0;
        boolean endsBlank = !gaps.isEmpty() && gaps.getLast().to() == height;
        return gaps.size() + 1 - (startsBlank ? 1 : 0) - (endsBlank ? 1 : 0);
    }

    /** Blank pixel rows {@code from} (inclusive) to {@code to} (exclusive). */
    private record Gap(int from, int to) {

        /**
         * The middle of the gap's longest run of clean rows, if it has one: a cut through the
         * faint tops of a short line's letters, or through a line that is only a few specks wide,
         * would take that line from the band. A table's vertical rule, dark through the whole gap,
         * does not count against a row.
         */
        OptionalInt cleanMiddle(BufferedImage gray) {
            Raster raster = gray.getRaster();
            int width = gray.getWidth();
            int[] row = new int[width];
            boolean[] rule = new boolean[width];
            Arrays.fill(rule, true);
            for (int y = from; y < to; y++) {
                raster.getSamples(0, y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    rule[x] &= row[x] < INK;
                }
            }
            int bestFrom = -1;
            int bestLength = 0;
            int runFrom = -1;
            for (int y = from; y <= to; y++) {
                boolean clean = y < to && strayInk(raster, y, row, rule) <= CLEAN_INK;
                if (clean && runFrom < 0) {
                    runFrom = y;
                } else if (!clean && runFrom >= 0) {
                    if (y - runFrom > bestLength) {
                        bestFrom = runFrom;
                        bestLength = y - runFrom;
                    }
                    runFrom = -1;
                }
            }
            return bestLength >= MIN_CLEAN ? OptionalInt.of(bestFrom + bestLength / 2) : OptionalInt.empty();
        }

        /** Dark pixels of row {@code y} outside the rules. */
        private static int strayInk(Raster raster, int y, int[] row, boolean[] rule) {
            raster.getSamples(0, y, row.length, 1, 0, row);
            int dark = 0;
            for (int x = 0; x < row.length; x++) {
                if (row[x] < INK && !rule[x]) {
                    dark++;
                }
            }
            return dark;
        }
    }
}
