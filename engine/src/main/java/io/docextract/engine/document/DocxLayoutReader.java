package io.docextract.engine.document;

import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.layout.Layout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;

/**
 * DOCX (POI) on the character grid: paragraphs wrapped into lines, table rows as lines with
 * cells in aligned columns, headers first and footers last. Pages break at explicit page breaks
 * (and page-break-before paragraphs) or every {@link GridLayoutBuilder#LINES_PER_PAGE} lines.
 */
final class DocxLayoutReader implements LayoutReader {

    private static final String WORDML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    @Override
    public Layout read(byte[] bytes, Deadline deadline) {
        if (FileMagic.valueOf(bytes) == FileMagic.OLE2) {
            throw oleContainer(bytes);
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            GridLayoutBuilder grid = new GridLayoutBuilder();
            for (XWPFHeaderFooter header : document.getHeaderList()) {
                body(grid, header.getBodyElements());
            }
            body(grid, document.getBodyElements());
            for (XWPFHeaderFooter footer : document.getFooterList()) {
                body(grid, footer.getBodyElements());
            }
            return grid.build();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ExtractionException extraction) {
                throw extraction;
            }
            throw new ExtractionException(
                    ExtractionErrorCode.DOCUMENT_CORRUPT, "The DOCX could not be parsed: " + e.getMessage(), e);
        }
    }

    /** Word saves password-protected documents as an OLE2 container holding the encrypted package. */
    private static ExtractionException oleContainer(byte[] bytes) {
        try (POIFSFileSystem ole = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            if (ole.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
                return new ExtractionException(
                        ExtractionErrorCode.DOCUMENT_ENCRYPTED, "The DOCX is protected with a password.");
            }
        } catch (IOException | RuntimeException e) {
            // Falls through: not a readable container either.
        }
        return new ExtractionException(
                ExtractionErrorCode.DOCUMENT_CORRUPT, "The file is an old binary Word document, not a DOCX.");
    }

    private static void body(GridLayoutBuilder grid, List<IBodyElement> elements) {
        for (IBodyElement element : elements) {
            if (element.getElementType() == BodyElementType.PARAGRAPH) {
                paragraph(grid, (XWPFParagraph) element);
            } else if (element.getElementType() == BodyElementType.TABLE) {
                table(grid, (XWPFTable) element);
            }
        }
    }

    private static void paragraph(GridLayoutBuilder grid, XWPFParagraph paragraph) {
        if (paragraph.isPageBreak()) {
            grid.pageBreak();
        }
        StringBuilder text = new StringBuilder();
        boolean bold = true;
        double fontSize = 0;
        for (XWPFRun run : paragraph.getRuns()) {
            if (!run.text().isBlank()) {
                bold &= run.isBold();
                Double size = run.getFontSizeAsDouble();
                if (size != null) {
                    fontSize = Math.max(fontSize, size);
                }
            }
            // Walk the run's children in order: a break between two texts splits them.
            try (XmlCursor cursor = run.getCTR().newCursor()) {
                for (boolean more = cursor.toFirstChild(); more; more = cursor.toNextSibling()) {
                    switch (cursor.getName().getLocalPart()) {
                        case "t" -> text.append(cursor.getTextValue());
                        case "tab" -> text.append(' ');
                        case "br", "cr" -> {
                            String type = cursor.getAttributeText(new QName(WORDML, "type"));
                            flush(grid, text, bold, fontSize);
                            if ("page".equals(type)) {
                                grid.pageBreak();
                            }
                        }
                        default -> {
                            // Properties, fields and drawings carry no body text.
                        }
                    }
                }
            }
        }
        if (text.isEmpty() && paragraph.getRuns().isEmpty()) {
            text.append(paragraph.getText());
        }
        if (text.toString().isBlank()) {
            grid.line(List.of());
        } else {
            flush(grid, text, bold, fontSize);
        }
    }

    private static void flush(GridLayoutBuilder grid, StringBuilder text, boolean bold, double fontSize) {
        if (!text.toString().isBlank()) {
            grid.paragraph(text.toString(), bold, fontSize);
        }
        text.setLength(0);
    }

    private static void table(GridLayoutBuilder grid, XWPFTable table) {
        List<List<GridLayoutBuilder.Cell>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<GridLayoutBuilder.Cell> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(new GridLayoutBuilder.Cell(0, cellText(cell), isBold(cell), 0));
            }
            rows.add(cells);
        }
        grid.table(rows);
    }

    private static String cellText(XWPFTableCell cell) {
        List<String> parts = new ArrayList<>();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                parts.add(paragraph.getText());
            } else if (element instanceof XWPFTable nested) {
                for (XWPFTableRow row : nested.getRows()) {
                    for (XWPFTableCell inner : row.getTableCells()) {
                        parts.add(cellText(inner));
                    }
                }
            }
        }
        return String.join(" ", parts).replaceAll("\\s+", " ").strip();
    }

    private static boolean isBold(XWPFTableCell cell) {
        boolean any = false;
        for (XWPFParagraph paragraph : cell.getParagraphs()) {
            for (XWPFRun run : paragraph.getRuns()) {
                if (!run.text().isBlank()) {
                    if (!run.isBold()) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }
}
