package io.docextract.engine.document;

import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out formats without geometry (DOCX, HTML, text, CSV) on a character grid, so they get
 * the same kind of boxes as a PDF: a line per row of the grid at increasing y, a word at its
 * character column (x = column / grid width), table cells at increasing x so columns stay apart,
 * and a new page at an explicit break or every {@link #LINES_PER_PAGE} lines.
 */
final class GridLayoutBuilder {

    static final int LINES_PER_PAGE = 50;
    static final int MIN_WIDTH = 100;
    static final int MAX_WIDTH = 200;

    /** Widest a table column counts when placing the next one; longer cells run on. */
    private static final int MAX_COLUMN_WIDTH = 48;

    private static final int COLUMN_GAP = 3;

    /** Page size in points of one grid cell: 10 pt monospace text with 14 pt leading. */
    private static final double CHAR_WIDTH = 6;

    private static final double LINE_HEIGHT = 14;

    /** Text at a character column of the grid. */
    record Cell(int column, String text, boolean bold, double fontSize) {
        static Cell at(int column, String text) {
            return new Cell(column, text, false, 0);
        }
    }

    private final List<List<List<Cell>>> pages = new ArrayList<>();
    private List<List<Cell>> page = new ArrayList<>();
    private int blankRun;

    /** One grid line; an empty list is a blank line (at most two in a row are kept). */
    GridLayoutBuilder line(List<Cell> cells) {
        List<Cell> visible =
                cells.stream().filter(cell -> !cell.text().isBlank()).toList();
        if (visible.isEmpty()) {
            if (page.isEmpty() || ++blankRun > 2) {
                return this;
            }
        } else {
            blankRun = 0;
        }
        if (page.size() == LINES_PER_PAGE) {
            pageBreak();
        }
        page.add(visible);
        return this;
    }

    /** Running text, wrapped at word boundaries to the minimum grid width. */
    GridLayoutBuilder paragraph(String text, boolean bold, double fontSize) {
        String normalized = text.replaceAll("\\s+", " ").strip();
        if (normalized.isEmpty()) {
            return this;
        }
        StringBuilder current = new StringBuilder();
        for (String word : normalized.split(" ")) {
            if (!current.isEmpty() && current.length() + 1 + word.length() > MIN_WIDTH) {
                line(List.of(new Cell(0, current.toString(), bold, fontSize)));
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(word);
        }
        line(List.of(new Cell(0, current.toString(), bold, fontSize)));
        return this;
    }

    /** Rows of cells; each column starts after the widest cell of the columns before it. */
    GridLayoutBuilder table(List<List<Cell>> rows) {
        List<Integer> widths = new ArrayList<>();
        for (List<Cell> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                int width = Math.min(MAX_COLUMN_WIDTH, row.get(i).text().strip().length());
                if (i == widths.size()) {
                    widths.add(width);
                } else {
                    widths.set(i, Math.max(widths.get(i), width));
                }
            }
        }
        int[] starts = new int[widths.size()];
        for (int i = 1; i < starts.length; i++) {
            // An empty column still keeps a gap, so cells on both sides stay apart.
            starts[i] = starts[i - 1] + widths.get(i - 1) + COLUMN_GAP;
        }
        for (List<Cell> row : rows) {
            List<Cell> placed = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Cell cell = row.get(i);
                placed.add(
                        new Cell(starts[i], cell.text().replaceAll("\\s+", " ").strip(), cell.bold(), cell.fontSize()));
            }
            line(placed);
        }
        return this;
    }

    GridLayoutBuilder pageBreak() {
        if (!page.isEmpty()) {
            pages.add(page);
        }
        page = new ArrayList<>();
        blankRun = 0;
        return this;
    }

    /** The layout; a document without any line still has one (empty) page. */
    Layout build() {
        pageBreak();
        if (pages.isEmpty()) {
            pages.add(List.of());
        }
        int width = MIN_WIDTH;
        for (List<List<Cell>> lines : pages) {
            for (List<Cell> cells : lines) {
                for (Cell cell : cells) {
                    width = Math.max(width, cell.column() + cell.text().length());
                }
            }
        }
        width = Math.min(width, MAX_WIDTH);
        List<Page> result = new ArrayList<>();
        double rows = LINES_PER_PAGE + 2;
        for (int p = 0; p < pages.size(); p++) {
            List<Line> lines = new ArrayList<>();
            List<List<Cell>> gridLines = pages.get(p);
            for (int row = 0; row < gridLines.size(); row++) {
                double top = (row + 1) / rows;
                double bottom = top + 0.8 / rows;
                List<Word> words = new ArrayList<>();
                for (Cell cell : gridLines.get(row)) {
                    addWords(words, cell, top, bottom, width);
                }
                if (!words.isEmpty()) {
                    lines.add(new Line(words));
                }
            }
            result.add(new Page(p + 1, width * CHAR_WIDTH, rows * LINE_HEIGHT, lines, false));
        }
        return new Layout(result);
    }

    private static void addWords(List<Word> words, Cell cell, double top, double bottom, int width) {
        String text = cell.text();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                double x0 = Math.min(1, (double) (cell.column() + start) / width);
                double x1 = Math.min(1, (double) (cell.column() + i) / width);
                words.add(new Word(
                        text.substring(start, i),
                        new Box(x0, top, Math.max(x0, x1), bottom),
                        1.0,
                        cell.fontSize(),
                        cell.bold()));
            }
        }
    }
}
