package io.docextract.engine.document;

import io.docextract.engine.layout.Layout;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text and CSV on the character grid. Plain text keeps every word at its character
 * column (tabs expanded), so tables typed with spaces stay aligned; a form feed starts a page.
 * CSV rows become lines with each cell in its own column; the delimiter ({@code ;} {@code ,}
 * or tab) is the one that splits the first rows most consistently.
 */
final class TextLayoutReader implements LayoutReader {

    private static final int TAB_STOP = 8;
    private static final char[] DELIMITERS = {';', ',', '\t'};

    private final boolean delimited;

    private TextLayoutReader(boolean delimited) {
        this.delimited = delimited;
    }

    static TextLayoutReader plain() {
        return new TextLayoutReader(false);
    }

    static TextLayoutReader csv() {
        return new TextLayoutReader(true);
    }

    @Override
    public Layout read(byte[] bytes, Deadline deadline) {
        String text = TextDecoder.decode(bytes);
        return delimited ? readCsv(text) : readPlain(text);
    }

    private static Layout readPlain(String text) {
        GridLayoutBuilder grid = new GridLayoutBuilder();
        for (String page : text.split("\f", -1)) {
            for (String raw : page.split("\r\n|\r|\n", -1)) {
                String line = expandTabs(raw);
                if (line.length() > GridLayoutBuilder.MAX_WIDTH) {
                    // A paragraph on one long line: wrapping beats squeezing it into a sliver of x.
                    grid.paragraph(line, false, 0);
                } else {
                    grid.line(List.of(GridLayoutBuilder.Cell.at(0, line)));
                }
            }
            grid.pageBreak();
        }
        return grid.build();
    }

    private static Layout readCsv(String text) {
        char delimiter = detectDelimiter(text);
        List<List<GridLayoutBuilder.Cell>> rows = new ArrayList<>();
        for (List<String> record : parse(text, delimiter)) {
            rows.add(record.stream()
                    .map(cell -> GridLayoutBuilder.Cell.at(0, cell))
                    .toList());
        }
        return new GridLayoutBuilder().table(rows).build();
    }

    static String expandTabs(String line) {
        if (line.indexOf('\t') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                do {
                    out.append(' ');
                } while (out.length() % TAB_STOP != 0);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The delimiter that gives the same number of cells (above one) on most of the first 20
     * records; ties go to the one with more cells.
     */
    static char detectDelimiter(String text) {
        char best = ',';
        double bestScore = -1;
        for (char candidate : DELIMITERS) {
            List<List<String>> records = parse(text, candidate, 20);
            if (records.isEmpty()) {
                continue;
            }
            java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
            for (List<String> record : records) {
                counts.merge(record.size(), 1, Integer::sum);
            }
            var mode = counts.entrySet().stream()
                    .max(java.util.Map.Entry.<Integer, Integer>comparingByValue()
                            .thenComparing(java.util.Map.Entry.comparingByKey()))
                    .orElseThrow();
            if (mode.getKey() < 2) {
                continue;
            }
            double score = (double) mode.getValue() / records.size() + mode.getKey() / 1000.0;
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    static List<List<String>> parse(String text, char delimiter) {
        return parse(text, delimiter, Integer.MAX_VALUE);
    }

    /** RFC 4180 records: quoted cells may hold delimiters, doubled quotes and line breaks. */
    private static List<List<String>> parse(String text, char delimiter, int maxRecords) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length() && records.size() < maxRecords; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
                any = true;
            } else if (c == delimiter) {
                record.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !cell.isEmpty()) {
                    record.add(cell.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if ((any || !cell.isEmpty()) && records.size() < maxRecords) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
