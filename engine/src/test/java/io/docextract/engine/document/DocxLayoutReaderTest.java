package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocxLayoutReaderTest {

    private final DocumentReader reader = new DocumentReader(EngineOptions.defaults());

    @Test
    void paragraphsAndTableRowsBecomeLinesWithColumnsApart() throws IOException {
        byte[] bytes;
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFRun title = document.createParagraph().createRun();
            title.setText("INVOICE");
            title.setBold(true);
            title.setFontSize(20);
            document.createParagraph().createRun().setText("Invoice number: 2024-0042");
            XWPFTable table = document.createTable(3, 3);
            String[][] cells = {
                {"Item", "Qty", "Amount"}, {"Consulting services", "2", "300.00"}, {"Travel", "1", "45.50"}
            };
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            document.createParagraph().createRun().setText("Total: 345.50");
            bytes = save(document);
        }

        Layout layout = reader.read(bytes, DocumentFormat.DOCX);

        List<Line> lines = layout.pages().getFirst().lines();
        assertThat(lines)
                .extracting(Line::text)
                .containsExactly(
                        "INVOICE",
                        "Invoice number: 2024-0042",
                        "Item Qty Amount",
                        "Consulting services 2 300.00",
                        "Travel 1 45.50",
                        "Total: 345.50");
        Word heading = lines.getFirst().words().getFirst();
        assertThat(heading.bold()).isTrue();
        assertThat(heading.fontSize()).isEqualTo(20.0);
        // Columns line up: every row's n-th cell starts at the same x, after the previous cell ends.
        Word qtyHeader = lines.get(2).words().get(1);
        Word qty = lines.get(3).words().get(2);
        Word amountHeader = lines.get(2).words().get(2);
        Word amount = lines.get(3).words().get(3);
        assertThat(qty.box().x0()).isEqualTo(qtyHeader.box().x0());
        assertThat(amount.box().x0()).isEqualTo(amountHeader.box().x0());
        assertThat(qty.box().x0())
                .isGreaterThan(lines.get(3).words().get(1).box().x1());
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).box().y0())
                    .isGreaterThan(lines.get(i - 1).box().y1());
        }
    }

    @Test
    void explicitPageBreaksAndLongDocumentsMakePages() throws IOException {
        byte[] bytes;
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Cover page");
            XWPFRun run = document.createParagraph().createRun();
            run.setText("Before the break");
            run.addBreak(BreakType.PAGE);
            run.setText("After the break");
            for (int i = 1; i <= 60; i++) {
                document.createParagraph().createRun().setText("Line " + i);
            }
            bytes = save(document);
        }

        Layout layout = reader.read(bytes, DocumentFormat.DOCX);

        assertThat(layout.pageCount()).isEqualTo(3);
        assertThat(layout.pages().get(0).lines())
                .extracting(Line::text)
                .containsExactly("Cover page", "Before the break");
        assertThat(layout.pages().get(1).lines().getFirst().text()).isEqualTo("After the break");
        assertThat(layout.pages().get(1).lines()).hasSize(GridLayoutBuilder.LINES_PER_PAGE);
        assertThat(layout.pages().get(2).lines().getLast().text()).isEqualTo("Line 60");
    }

    static Stream<Arguments> failures() throws Exception {
        byte[] empty;
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph();
            empty = save(document);
        }
        return Stream.of(
                Arguments.of("empty document", empty, ExtractionErrorCode.DOCUMENT_UNREADABLE),
                Arguments.of(
                        "not a zip",
                        "PK\u0003\u0004 word/ but not really".getBytes(StandardCharsets.ISO_8859_1),
                        ExtractionErrorCode.DOCUMENT_CORRUPT),
                Arguments.of("password", encrypted(empty), ExtractionErrorCode.DOCUMENT_ENCRYPTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresCarryTheirCode(String name, byte[] bytes, ExtractionErrorCode expected) {
        assertThatThrownBy(() -> reader.read(bytes, DocumentFormat.DOCX))
                .isInstanceOfSatisfying(
                        ExtractionException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }

    private static byte[] save(XWPFDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.write(out);
        return out.toByteArray();
    }

    /** What Word writes for a password-protected document: an OLE2 container with the package. */
    private static byte[] encrypted(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(docx);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }
}
