package io.docextract.engine.document;

import io.docextract.engine.layout.Layout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML on the character grid: each block element is a line (wrapped like a paragraph), each
 * table row a line with its cells in aligned columns. Layout tables (a cell holding another table
 * or blocks, as in e-mail invoices) are read as the blocks inside them.
 */
final class HtmlLayoutReader implements LayoutReader {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "dt",
            "dd",
            "address",
            "blockquote",
            "pre",
            "section",
            "article",
            "header",
            "footer",
            "main",
            "aside",
            "nav",
            "form",
            "fieldset",
            "figcaption",
            "caption",
            "ul",
            "ol",
            "dl",
            "center",
            "body",
            "hr");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "noscript", "template", "title");
    private static final Set<String> BOLD = Set.of("b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Pattern DECLARED_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([\\w-]+)", Pattern.CASE_INSENSITIVE);

    @Override
    public Layout read(byte[] bytes, Deadline deadline) {
        Document document = parse(bytes);
        Walker walker = new Walker();
        walker.block(document.body() != null ? document.body() : document);
        return walker.grid.build();
    }

    private static Document parse(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        var declared = DECLARED_CHARSET.matcher(head);
        if (declared.find()
                && !declared.group(1).toLowerCase(Locale.ROOT).replace("-", "").equals("utf8")) {
            try {
                // A declared legacy charset: let jsoup decode with it.
                return Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Jsoup.parse(TextDecoder.decode(bytes));
    }

    /** Walks the DOM, collecting inline text into the current line until a block ends it. */
    private static final class Walker {
        private final GridLayoutBuilder grid = new GridLayoutBuilder();
        private final StringBuilder text = new StringBuilder();
        private boolean allBold = true;

        void block(Element element) {
            for (Node child : element.childNodes()) {
                node(child, false);
            }
            flush();
        }

        private void node(Node node, boolean bold) {
            if (node instanceof TextNode textNode) {
                String value = textNode.getWholeText();
                if (!value.isBlank()) {
                    allBold &= bold;
                }
                text.append(value);
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                return;
            }
            boolean insideBold = bold || BOLD.contains(tag);
            switch (tag) {
                case "br" -> flush();
                case "table" -> {
                    flush();
                    table(element);
                }
                default -> {
                    boolean isBlock = BLOCKS.contains(tag);
                    if (isBlock) {
                        flush();
                    }
                    for (Node child : element.childNodes()) {
                        node(child, insideBold);
                    }
                    if (isBlock) {
                        flush();
                    }
                    if (tag.equals("hr")) {
                        grid.line(List.of());
                    }
                }
            }
        }

        private void table(Element table) {
            List<Element> rows = table.select("tr").stream()
                    .filter(row -> row.closest("table") == table)
                    .toList();
            boolean layoutTable = rows.stream()
                    .flatMap(row -> row.children().stream())
                    .anyMatch(cell -> !cell.select("table, p, div, ul, ol, h1, h2, h3, h4, br")
                            .isEmpty());
            if (layoutTable) {
                for (Element row : rows) {
                    for (Element cell : row.children()) {
                        block(cell);
                    }
                }
                return;
            }
            List<List<GridLayoutBuilder.Cell>> cells = new ArrayList<>();
            for (Element row : rows) {
                List<GridLayoutBuilder.Cell> line = new ArrayList<>();
                for (Element cell : row.children()) {
                    if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                        continue;
                    }
                    boolean bold = cell.normalName().equals("th")
                            || (!cell.text().isBlank()
                                    && cell.select("b, strong").text().length()
                                            == cell.text().length());
                    line.add(new GridLayoutBuilder.Cell(0, cell.text(), bold, 0));
                    // A cell spanning columns keeps the ones after it in their own columns.
                    for (int span = 1; span < colspan(cell); span++) {
                        line.add(GridLayoutBuilder.Cell.at(0, ""));
                    }
                }
                cells.add(line);
            }
            grid.table(cells);
        }

        private static int colspan(Element cell) {
            try {
                return Math.max(
                        1, Math.min(50, Integer.parseInt(cell.attr("colspan").strip())));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        private void flush() {
            String line = text.toString();
            if (!line.isBlank()) {
                grid.paragraph(line, allBold, 0);
            }
            text.setLength(0);
            allBold = true;
        }
    }
}
