package io.docextract.engine.fields;

import io.docextract.engine.FieldLocation;
import io.docextract.engine.FieldSpec;
import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Word;
import io.docextract.engine.values.ValueMatch;
import io.docextract.engine.values.ValueScanner;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code array} of {@code object}s from a table: the header row whose cells best name
 * the item properties maps columns to properties; rows start where an amount column has a
 * value, text-only lines continue the row above, the table follows repeated headers onto later
 * pages and stops at the totals block. Without a header (till receipts) item lines are the
 * lines ending in one amount before the totals, with "3 x 1.20" lines giving quantity and price.
 */
final class LineItemReader {

    private static final Pattern QTY_TIMES_PRICE =
            Pattern.compile("^\\s*(\\d+(?:[.,]\\d+)?)\\s*(?:[a-zA-Z]{1,3}\\s*)?[xX×*]\\s*(.+)$");
    private static final Pattern DECIMAL_AMOUNT = Pattern.compile("\\d[.,]\\d{2}\\b");
    private static final double MIN_HEADER_SIM = 0.5;

    private final FieldFinder.Run run;
    private final DocumentIndex doc;

    LineItemReader(FieldFinder.Run run) {
        this.run = run;
        this.doc = run.doc;
    }

    /** A header cell mapped to a property (or to nothing: a column we do not want). */
    private record Column(Box box, int property, double similarity) {}

    private record Header(TextLine line, List<Column> columns, double score) {}

    /** A row being read: text and values per property, and the boxes they came from. */
    private static final class Row {
        final Object[] values;
        final Box[] boxes;
        final String[] texts;
        final int page;
        TextLine lastLine;

        Row(int size, int page) {
            values = new Object[size];
            boxes = new Box[size];
            texts = new String[size];
            this.page = page;
        }
    }

    Object read(String path, FieldSpec field, Map<String, Double> confidence, Map<String, FieldLocation> locations) {
        List<FieldSpec> properties = field.items().properties();
        List<FieldQuery> queries = properties.stream().map(run::query).toList();
        List<Header> headers = headers(queries);
        List<Row> rows;
        double tableScore;
        boolean headerless = headers.isEmpty();
        if (headerless) {
            rows = headerlessRows(queries);
            tableScore = 0.5;
        } else {
            rows = new ArrayList<>();
            for (Header header : headers) {
                rows.addAll(rows(header, queries));
            }
            tableScore = headers.getFirst().score();
        }
        List<Object> out = new ArrayList<>();
        double sum = 0;
        int cells = 0;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Map<String, Object> item = new LinkedHashMap<>();
            boolean consistent = consistent(row, queries);
            for (int p = 0; p < properties.size(); p++) {
                Object value = row.values[p] == null
                        ? null
                        : FieldFinder.typed(queries.get(p).kind(), row.values[p]);
                item.put(properties.get(p).name(), value);
                String cellPath = path + "[" + r + "]." + properties.get(p).name();
                double conf = value == null ? 0 : cellConfidence(tableScore, headerless, consistent, row, p, headers);
                confidence.put(cellPath, conf);
                if (value != null) {
                    sum += conf;
                    cells++;
                    if (row.boxes[p] != null) {
                        locations.put(cellPath, new FieldLocation(row.page, row.boxes[p], row.texts[p]));
                    }
                }
            }
            out.add(item);
        }
        confidence.put(path, cells == 0 ? 0 : sum / cells);
        return out;
    }

    /** Features of a cell, mapped through the fitted CELL calibration curve. */
    private double cellConfidence(
            double tableScore, boolean headerless, boolean consistent, Row row, int p, List<Header> headers) {
        double columnSim = headerless ? 0.5 : 0;
        if (!headerless) {
            for (Column c : headers.getFirst().columns()) {
                if (c.property() == p) {
                    columnSim = c.similarity();
                }
            }
        }
        double score = 0.25 * Math.min(1, tableScore / 3) + 0.25 * columnSim + 0.5 * (consistent ? 1 : 0.4);
        return run.calibration().cellConfidence(score);
    }

    /** Whether quantity × unit price = amount where the row has all three. */
    private static boolean consistent(Row row, List<FieldQuery> queries) {
        BigDecimal qty = null;
        BigDecimal price = null;
        BigDecimal amount = null;
        for (int p = 0; p < queries.size(); p++) {
            if (!(row.values[p] instanceof BigDecimal v)) {
                continue;
            }
            String top = queries.get(p).topConcept();
            if ("quantity".equals(top)) {
                qty = v;
            } else if ("unit_price".equals(top)) {
                price = v;
            } else if (queries.get(p).kind() == FieldKind.AMOUNT) {
                amount = v;
            }
        }
        if (qty == null || price == null || amount == null) {
            return amount != null;
        }
        BigDecimal product = qty.multiply(price).setScale(2, RoundingMode.HALF_UP);
        return product.subtract(amount.abs()).abs().compareTo(new BigDecimal("0.02")) <= 0
                || product.subtract(amount.abs()).abs().compareTo(amount.abs().multiply(new BigDecimal("0.011"))) <= 0;
    }

    /** The best header row, and its repetitions on later pages. */
    private List<Header> headers(List<FieldQuery> queries) {
        Header best = null;
        List<Header> all = new ArrayList<>();
        for (TextLine line : doc.lines()) {
            Header h = header(line, queries);
            if (h != null) {
                all.add(h);
                if (best == null || h.score() > best.score() + 1e-9) {
                    best = h;
                }
            }
        }
        if (best == null) {
            return List.of();
        }
        List<Header> out = new ArrayList<>();
        out.add(best);
        int lastPage = best.line().page();
        for (Header h : all) {
            if (h.line().page() > lastPage && h.score() >= 0.75 * best.score()) {
                out.add(h);
                lastPage = h.line().page();
            }
        }
        return out;
    }

    private Header header(TextLine line, List<FieldQuery> queries) {
        List<Segment> segments = line.segments();
        if (segments.size() < 2) {
            return null;
        }
        for (Segment s : segments) {
            if (DocumentIndex.hasDigit(s.text()) && (!s.hasLetters() || s.text().length() > 6)) {
                return null; // a header names columns; a line of values is not one
            }
        }
        // Pairs of header cell and property, best first; on equal similarity the cell that prints
        // the property's own name wins: "Item" and "Description" both name a description, and
        // the "Description" column is the one.
        record Pair(int segment, int property, double sim, double lexical) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            for (int p = 0; p < queries.size(); p++) {
                FieldQuery q = queries.get(p);
                double lexical = q.lexicalSimilarity(s.tokens());
                double sim =
                        Math.max(q.weightOf(s.label().concepts()) * s.label().coverage(), lexical);
                if (sim >= MIN_HEADER_SIM) {
                    pairs.add(new Pair(i, p, sim, lexical));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::sim)
                .thenComparingDouble(Pair::lexical)
                .reversed());
        Pair[] bySegment = new Pair[segments.size()];
        boolean[] used = new boolean[queries.size()];
        for (Pair pair : pairs) {
            if (bySegment[pair.segment()] == null && !used[pair.property()]) {
                bySegment[pair.segment()] = pair;
                used[pair.property()] = true;
            }
        }
        List<Column> columns = new ArrayList<>();
        double score = 0;
        int matched = 0;
        boolean numeric = false;
        for (int i = 0; i < segments.size(); i++) {
            Pair pair = bySegment[i];
            if (pair == null) {
                columns.add(new Column(segments.get(i).box(), -1, 0));
                continue;
            }
            score += pair.sim();
            matched++;
            numeric |= queries.get(pair.property()).kind().isNumeric();
            columns.add(new Column(segments.get(i).box(), pair.property(), pair.sim()));
        }
        if (matched < 2 || !numeric) {
            return null;
        }
        return new Header(line, columns, score);
    }

    private List<Row> rows(Header header, List<FieldQuery> queries) {
        List<Row> rows = new ArrayList<>();
        List<TextLine> page = doc.pageLines(header.line().page());
        List<Column> columns = header.columns();
        double[] bounds = new double[columns.size() + 1];
        bounds[0] = -1;
        bounds[columns.size()] = 2;
        for (int i = 1; i < columns.size(); i++) {
            bounds[i] = (columns.get(i - 1).box().x1() + columns.get(i).box().x0()) / 2;
        }
        int amountColumn = -1;
        for (int i = columns.size() - 1; i >= 0; i--) {
            int p = columns.get(i).property();
            if (p >= 0 && queries.get(p).kind() == FieldKind.AMOUNT) {
                amountColumn = i;
                break;
            }
        }
        if (amountColumn < 0) {
            for (int i = columns.size() - 1; i >= 0; i--) {
                int p = columns.get(i).property();
                if (p >= 0 && queries.get(p).kind().isNumeric()) {
                    amountColumn = i;
                    break;
                }
            }
        }
        List<String> pendingText = new ArrayList<>();
        for (int li = header.line().pageIndex() + 1; li < page.size(); li++) {
            TextLine line = page.get(li);
            if (isTotals(line)) {
                break;
            }
            String[] cellText = new String[columns.size()];
            Box[] cellBox = new Box[columns.size()];
            for (Word w : line.words()) {
                double cx = w.box().centerX();
                int col = 0;
                while (col < columns.size() - 1 && cx > bounds[col + 1]) {
                    col++;
                }
                cellText[col] = cellText[col] == null ? w.text() : cellText[col] + " " + w.text();
                cellBox[col] = cellBox[col] == null ? w.box() : Box.union(cellBox[col], w.box());
            }
            Object amount = amountColumn >= 0 && cellText[amountColumn] != null
                    ? parse(queries.get(columns.get(amountColumn).property()), cellText[amountColumn])
                    : null;
            if (amount != null) {
                Row row = new Row(queries.size(), line.page());
                for (int c = 0; c < columns.size(); c++) {
                    int p = columns.get(c).property();
                    if (p < 0 || cellText[c] == null) {
                        continue;
                    }
                    Object v = parse(queries.get(p), cellText[c]);
                    if (v != null) {
                        row.values[p] = v;
                        row.boxes[p] = cellBox[c];
                        row.texts[p] = cellText[c];
                    }
                }
                prependPending(row, pendingText, queries);
                pendingText.clear();
                row.lastLine = line;
                rows.add(row);
            } else {
                String text = textCells(cellText, columns, queries);
                if (text.isEmpty()) {
                    continue;
                }
                Row prev = rows.isEmpty() ? null : rows.getLast();
                if (prev != null
                        && line.box().y0() - prev.lastLine.box().y1()
                                < 1.0 * Math.max(line.height(), doc.medianLineHeight())) {
                    appendText(prev, text, queries);
                    prev.lastLine = line;
                } else {
                    pendingText.add(text);
                }
            }
        }
        return rows;
    }

    private static String textCells(String[] cellText, List<Column> columns, List<FieldQuery> queries) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            int p = columns.get(c).property();
            if (p >= 0 && !queries.get(p).kind().isNumeric() && cellText[c] != null) {
                out.append(out.isEmpty() ? "" : " ").append(cellText[c]);
            }
        }
        return CandidateFinder.cleanText(out.toString());
    }

    private static int textProperty(List<FieldQuery> queries) {
        for (int p = 0; p < queries.size(); p++) {
            if (!queries.get(p).kind().isNumeric() && queries.get(p).kind() != FieldKind.DATE) {
                return p;
            }
        }
        return -1;
    }

    private static void appendText(Row row, String text, List<FieldQuery> queries) {
        int p = textProperty(queries);
        if (p < 0) {
            return;
        }
        row.values[p] = row.values[p] == null ? text : row.values[p] + " " + text;
        row.texts[p] = (String) row.values[p];
    }

    private static void prependPending(Row row, List<String> pending, List<FieldQuery> queries) {
        int p = textProperty(queries);
        if (p < 0 || pending.isEmpty()) {
            return;
        }
        String prefix = String.join(" ", pending);
        row.values[p] = row.values[p] == null ? prefix : prefix + " " + row.values[p];
        row.texts[p] = (String) row.values[p];
    }

    /** A line of the totals block: its label names a summary amount. */
    private boolean isTotals(TextLine line) {
        for (Segment s : line.segments()) {
            if (!s.hasLetters()) {
                continue;
            }
            for (String concept : s.label().concepts()) {
                Concept c = doc.lexicon().concept(concept);
                if ((c.has("total") || concept.equals("amount_paid") || concept.equals("previous_balance"))
                        && s.label().coverage() >= 0.6) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private Object parse(FieldQuery query, String text) {
        String cleaned = CandidateFinder.cleanText(text);
        if (cleaned.isEmpty()) {
            return null;
        }
        ValueScanner scanner = switch (query.kind()) {
            case AMOUNT -> run.scanners().amounts();
            case NUMBER -> run.scanners().numbers();
            case DATE -> run.scanners().dates();
            default -> null;
        };
        if (scanner == null) {
            return cleaned;
        }
        List<ValueMatch> matches = scanner.scan(cleaned, doc.context());
        if (matches.isEmpty() && query.kind() == FieldKind.NUMBER) {
            matches = run.scanners().amounts().scan(cleaned, doc.context());
        }
        ValueMatch best = null;
        for (ValueMatch m : matches) {
            if (best == null || m.end() - m.start() > best.end() - best.start()) {
                best = m;
            }
        }
        return best == null ? null : best.value();
    }

    /** Item lines of a table without a header: text, then one amount at the right. */
    private List<Row> headerlessRows(List<FieldQuery> queries) {
        List<Row> rows = new ArrayList<>();
        int textP = textProperty(queries);
        int qtyP = -1;
        int priceP = -1;
        int amountP = -1;
        for (int p = 0; p < queries.size(); p++) {
            String top = queries.get(p).topConcept();
            if ("quantity".equals(top)) {
                qtyP = p;
            } else if ("unit_price".equals(top)) {
                priceP = p;
            } else if (queries.get(p).kind() == FieldKind.AMOUNT) {
                amountP = p;
            }
        }
        if (amountP < 0) {
            return rows;
        }
        BigDecimal[] pendingQtyPrice = null;
        for (TextLine line : doc.lines()) {
            if (isTotals(line)) {
                if (!rows.isEmpty()) {
                    break;
                }
                continue;
            }
            Matcher m = QTY_TIMES_PRICE.matcher(line.text());
            if (m.matches() && qtyP >= 0) {
                BigDecimal q = decimal(m.group(1));
                Object price = parse(queries.get(amountP), m.group(2));
                if (q != null && price instanceof BigDecimal p) {
                    BigDecimal[] qp = {q, p};
                    Row prev = rows.isEmpty() ? null : rows.getLast();
                    if (prev != null && prev.values[qtyP] == null && matches(qp, prev.values[amountP])) {
                        prev.values[qtyP] = q;
                        if (priceP >= 0) {
                            prev.values[priceP] = p;
                        }
                    } else {
                        pendingQtyPrice = qp;
                    }
                    continue;
                }
            }
            Segment last = line.segments().getLast();
            Segment first = line.segments().getFirst();
            if (line.segments().size() < 2 && line.words().size() < 2) {
                continue;
            }
            String lastText = last.text().replaceAll("\\s+[A-Z*]{1,2}$", "");
            if (!DECIMAL_AMOUNT.matcher(lastText).find() || last.box().x1() < 0.5 || !first.hasLetters()) {
                continue;
            }
            List<ValueMatch> amounts = run.scanners().amounts().scan(line.text(), doc.context());
            if (amounts.isEmpty()) {
                continue;
            }
            ValueMatch amountMatch = amounts.getLast();
            String description = CandidateFinder.cleanText(line.text().substring(0, amountMatch.start()));
            description = description.replaceAll("(\\s*\\.)+$", "").strip();
            if (description.isEmpty() || !description.chars().anyMatch(Character::isLetter)) {
                continue;
            }
            if (!doc.lexicon().match(Tokenizer.tokens(description)).isEmpty()
                    && doc.lexicon().match(Tokenizer.tokens(description)).coverage() >= 0.99) {
                continue; // "Cash 20.00", "Change 3.00": a labelled amount, not an item
            }
            Row row = new Row(queries.size(), line.page());
            row.values[amountP] = amountMatch.value();
            int[] words = line.wordsOf(amountMatch.start(), amountMatch.end());
            row.boxes[amountP] = line.boxOf(words[0], words[1]);
            row.texts[amountP] = line.text().substring(amountMatch.start(), amountMatch.end());
            if (textP >= 0) {
                row.values[textP] = description;
                row.texts[textP] = description;
                row.boxes[textP] = first.box();
            }
            if (pendingQtyPrice != null && matches(pendingQtyPrice, amountMatch.value()) && qtyP >= 0) {
                row.values[qtyP] = pendingQtyPrice[0];
                if (priceP >= 0) {
                    row.values[priceP] = pendingQtyPrice[1];
                }
            }
            pendingQtyPrice = null;
            row.lastLine = line;
            rows.add(row);
        }
        for (Row row : rows) {
            if (qtyP >= 0 && row.values[qtyP] == null) {
                row.values[qtyP] = BigDecimal.ONE;
            }
            if (priceP >= 0 && row.values[priceP] == null) {
                row.values[priceP] = row.values[amountP];
            }
        }
        return rows;
    }

    private static boolean matches(BigDecimal[] qtyPrice, Object amount) {
        if (!(amount instanceof BigDecimal a)) {
            return false;
        }
        BigDecimal product = qtyPrice[0].multiply(qtyPrice[1]).setScale(2, RoundingMode.HALF_UP);
        return product.subtract(a.abs()).abs().compareTo(new BigDecimal("0.011")) <= 0;
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
