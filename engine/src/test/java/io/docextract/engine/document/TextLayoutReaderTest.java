package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextLayoutReaderTest {

    private final DocumentReader reader = new DocumentReader(EngineOptions.defaults());

    @Test
    void plainTextKeepsColumnsFromWhitespace() {
        String row = "%-21s%-11s%s%n";
        String text = String.format("ACME Supplies%24sInvoice 88-1%n", "")
                + String.format(row, "Item", "Qty", "Amount")
                + String.format(row, "Paper A4", "10", "45.00")
                + "\tToner" + String.format(row, "", "2", "90.00").substring(13);

        Layout layout = reader.read(text.getBytes(StandardCharsets.UTF_8), DocumentFormat.TEXT);

        List<Line> lines = layout.pages().getFirst().lines();
        assertThat(lines)
                .extracting(Line::text)
                .containsExactly("ACME Supplies Invoice 88-1", "Item Qty Amount", "Paper A4 10 45.00", "Toner 2 90.00");
        Word qtyHeader = lines.get(1).words().get(1);
        Word paperQty = lines.get(2).words().get(2);
        assertThat(paperQty.box().x0()).isEqualTo(qtyHeader.box().x0());
        // x is the character column over the grid width (at least 100 columns).
        assertThat(qtyHeader.box().x0()).isEqualTo(21 / 100.0);
        assertThat(lines.get(3).words().get(1).box().x0()).isEqualTo(21 / 100.0);
        assertThat(lines.get(3).words().get(2).box().x0()).isEqualTo(32 / 100.0);
        // The tab expands to column 8.
        assertThat(lines.get(3).words().getFirst().box().x0()).isEqualTo(8 / 100.0);
    }

    @Test
    void formFeedsAndLongTextMakePages() {
        StringBuilder text = new StringBuilder("First page\f");
        for (int i = 1; i <= 120; i++) {
            text.append("Row ").append(i).append('\n');
        }

        Layout layout = reader.read(text.toString().getBytes(StandardCharsets.UTF_8), DocumentFormat.TEXT);

        assertThat(layout.pageCount()).isEqualTo(4);
        assertThat(layout.pages().getFirst().lines()).extracting(Line::text).containsExactly("First page");
        assertThat(layout.pages().get(3).lines().getLast().text()).isEqualTo("Row 120");
    }

    @Test
    void fallsBackToWindows1252() {
        byte[] bytes = "Straße 5, Zürich – 12,50 €".getBytes(Charset.forName("windows-1252"));

        assertThat(reader.read(bytes, DocumentFormat.TEXT).text()).isEqualTo("Straße 5, Zürich – 12,50 €");
    }

    static Stream<Arguments> csvFiles() {
        return Stream.of(
                Arguments.of("semicolon", "Datum;Betrag;Text\n01.02.2024;12,50;Miete\n02.02.2024;3,20;Kaffee\n"),
                Arguments.of("comma", "Date,Amount,Text\n2024-02-01,12.50,Rent\n2024-02-02,3.20,Coffee\n"),
                Arguments.of("tab", "Date\tAmount\tText\n2024-02-01\t12.50\tRent\n2024-02-02\t3.20\tCoffee\n"),
                Arguments.of(
                        "quoted",
                        "\"Date\",\"Amount\",\"Text\"\r\n\"2024-02-01\",\"1,012.50\",\"Rent, March\"\r\n\"2024-02-02\",\"3.20\",\"Coffee \"\"large\"\"\"\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csvFiles")
    void csvCellsBecomeColumnPositionedWords(String name, String csv) {
        Layout layout = reader.read(csv.getBytes(StandardCharsets.UTF_8), DocumentFormat.CSV);

        List<Line> lines = layout.pages().getFirst().lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst().words()).hasSize(3);
        double amountColumn = lines.getFirst().words().get(1).box().x0();
        double textColumn = lines.getFirst().words().get(2).box().x0();
        for (Line line : lines.subList(1, 3)) {
            assertThat(line.words().get(1).box().x0()).isEqualTo(amountColumn);
            assertThat(line.words().get(2).box().x0()).isEqualTo(textColumn);
            assertThat(line.words().get(0).box().x1()).isLessThan(amountColumn);
        }
    }

    @Test
    void quotedCellsKeepTheirDelimitersAndQuotes() {
        String csv = "\"Date\",\"Amount\",\"Text\"\n\"2024-02-01\",\"1,012.50\",\"Rent, March\"\n";

        Layout layout = reader.read(csv.getBytes(StandardCharsets.UTF_8), DocumentFormat.CSV);

        assertThat(layout.pages().getFirst().lines().get(1).text()).isEqualTo("2024-02-01 1,012.50 Rent, March");
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of(DocumentFormat.TEXT, new byte[0]),
                Arguments.of(DocumentFormat.TEXT, " \n\t\n  ".getBytes(StandardCharsets.UTF_8)),
                Arguments.of(DocumentFormat.CSV, ";;\n;;\n".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("unreadable")
    void textWithoutWordsIsUnreadable(DocumentFormat format, byte[] bytes) {
        assertThatThrownBy(() -> reader.read(bytes, format))
                .isInstanceOfSatisfying(
                        ExtractionException.class,
                        e -> assertThat(e.code()).isEqualTo(ExtractionErrorCode.DOCUMENT_UNREADABLE));
    }
}
