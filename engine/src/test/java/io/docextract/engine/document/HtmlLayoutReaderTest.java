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
import org.junit.jupiter.api.Test;

class HtmlLayoutReaderTest {

    private final DocumentReader reader = new DocumentReader(EngineOptions.defaults());

    @Test
    void blocksAndTableRowsBecomeLines() {
        String html = """
                <!doctype html><html><head><title>ignored</title><style>p{color:red}</style></head><body>
                <h1>Order confirmation</h1>
                <p>Thank you for your order <b>PO-7781</b>.<br>We ship within 3 days.</p>
                <script>var hidden = "not text";</script>
                <table>
                  <tr><th>Article</th><th>Qty</th><th>Price</th></tr>
                  <tr><td>Blue widget</td><td>4</td><td>12.00</td></tr>
                  <tr><td colspan="2">Total</td><td>48.00</td></tr>
                </table>
                <div>Questions? <a href="mailto:a@b.example">a@b.example</a></div>
                </body></html>
                """;

        Layout layout = reader.read(html.getBytes(StandardCharsets.UTF_8), DocumentFormat.HTML);

        List<Line> lines = layout.pages().getFirst().lines();
        assertThat(lines)
                .extracting(Line::text)
                .containsExactly(
                        "Order confirmation",
                        "Thank you for your order PO-7781.",
                        "We ship within 3 days.",
                        "Article Qty Price",
                        "Blue widget 4 12.00",
                        "Total 48.00",
                        "Questions? a@b.example");
        assertThat(lines.getFirst().words())
                .allSatisfy(word -> assertThat(word.bold()).isTrue());
        assertThat(lines.get(1).words())
                .noneSatisfy(word -> assertThat(word.bold()).isTrue());
        Word priceHeader = lines.get(3).words().get(2);
        Word price = lines.get(4).words().get(3);
        Word total = lines.get(5).words().get(1);
        assertThat(price.box().x0()).isEqualTo(priceHeader.box().x0());
        // The colspan cell keeps the total in the price column.
        assertThat(total.box().x0()).isEqualTo(priceHeader.box().x0());
    }

    @Test
    void layoutTablesAreReadAsTheirBlocks() {
        String html = "<html><body><table><tr><td><p>Seller GmbH</p><p>Main street 1</p></td>"
                + "<td><table><tr><td>Invoice</td><td>A-17</td></tr></table></td></tr></table></body></html>";

        Layout layout = reader.read(html.getBytes(StandardCharsets.UTF_8), DocumentFormat.HTML);

        assertThat(layout.text()).isEqualTo("Seller GmbH\nMain street 1\nInvoice A-17");
    }

    @Test
    void declaredLegacyCharsetIsHonoured() {
        String html = "<html><head><meta charset=\"windows-1252\"></head><body><p>Größe: 3 €</p></body></html>";

        Layout layout = reader.read(html.getBytes(Charset.forName("windows-1252")), DocumentFormat.HTML);

        assertThat(layout.text()).isEqualTo("Größe: 3 €");
    }

    @Test
    void markupWithoutTextIsUnreadable() {
        byte[] bytes =
                "<html><body><div><img src=x></div><script>x()</script></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(bytes, DocumentFormat.HTML))
                .isInstanceOfSatisfying(
                        ExtractionException.class,
                        e -> assertThat(e.code()).isEqualTo(ExtractionErrorCode.DOCUMENT_UNREADABLE));
    }
}
