package io.docextract.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class DefaultExtractionEngineTest {

    private final DefaultExtractionEngine engine = new DefaultExtractionEngine(EngineOptions.defaults());

    /** A line of words placed at x positions (points on an A4 page) on baseline y. */
    private static Line line(double y, Object... xAndText) {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < xAndText.length; i += 2) {
            double x = ((Number) xAndText[i]).doubleValue();
            for (String w : ((String) xAndText[i + 1]).split(" ")) {
                double width = w.length() * 5.5;
                words.add(new Word(w, new Box(x / 595, (y - 9) / 842, (x + width) / 595, y / 842), 1.0, 10, false));
                x += width + 3;
            }
        }
        return new Line(words);
    }

    private static Layout invoiceLayout() {
        return new Layout(List.of(new Page(
                1,
                595,
                842,
                List.of(
                        line(60, 50, "Acme Widgets GmbH", 400, "INVOICE"),
                        line(75, 50, "Hauptstr. 5", 380, "Invoice No.:", 470, "RE-2024-017"),
                        line(90, 50, "10115 Berlin", 380, "Invoice date:", 470, "05.03.2024"),
                        line(105, 380, "Due date:", 470, "04.04.2024"),
                        line(160, 50, "Bill to"),
                        line(175, 50, "Beta Trading Ltd"),
                        line(400, 350, "Subtotal", 480, "1.000,00"),
                        line(415, 350, "VAT 19%", 480, "190,00"),
                        line(430, 350, "Total", 480, "1.190,00")),
                false)));
    }

    private static ExtractorSpec invoiceExtractor() {
        return new ExtractorSpec(
                "invoice",
                "Supplier invoices",
                List.of(
                        new FieldSpec(
                                "invoice_number",
                                FieldType.TEXT,
                                "The invoice number",
                                true,
                                List.of(),
                                null,
                                List.of()),
                        FieldSpec.of("invoice_date", FieldType.DATE, "Date the invoice was issued"),
                        FieldSpec.of("due_date", FieldType.DATE, "Date by which the invoice must be paid"),
                        FieldSpec.of("subtotal_amount", FieldType.CURRENCY, "Total before tax"),
                        FieldSpec.of("tax_amount", FieldType.CURRENCY, "Total tax"),
                        FieldSpec.of("total_amount", FieldType.CURRENCY, "Total including tax"),
                        new FieldSpec(
                                "vendor_email",
                                FieldType.EMAIL,
                                "E-mail of the seller",
                                true,
                                List.of(),
                                null,
                                List.of())));
    }

    @Test
    void findsLabelledFieldsOnAHandBuiltLayout() {
        ExtractionResult result = engine.extract(invoiceLayout(), invoiceExtractor());

        assertThat(result.data().get("invoice_number")).isEqualTo("RE-2024-017");
        assertThat(result.data().get("invoice_date")).isEqualTo("2024-03-05");
        assertThat(result.data().get("due_date")).isEqualTo("2024-04-04");
        assertThat((BigDecimal) result.data().get("subtotal_amount")).isEqualByComparingTo("1000.00");
        assertThat((BigDecimal) result.data().get("tax_amount")).isEqualByComparingTo("190.00");
        assertThat((BigDecimal) result.data().get("total_amount")).isEqualByComparingTo("1190.00");
        assertThat(result.pageCount()).isEqualTo(1);
        assertThat(result.locations().get("total_amount").page()).isEqualTo(1);
        assertThat(result.locations().get("total_amount").text()).contains("1.190,00");
    }

    @Test
    void confidenceIsAProbabilityNotAConstant() {
        ExtractionResult result = engine.extract(invoiceLayout(), invoiceExtractor());

        assertThat(result.confidence().values()).allSatisfy(c -> assertThat(c).isBetween(0.0, 0.995));
        assertThat(result.confidence().values().stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void aRequiredFieldNotFoundIsNullWithAWarning() {
        ExtractionResult result = engine.extract(invoiceLayout(), invoiceExtractor());

        assertThat(result.data()).containsEntry("vendor_email", null);
        assertThat(result.confidence()).containsEntry("vendor_email", 0.0);
        assertThat(result.locations()).doesNotContainKey("vendor_email");
        assertThat(result.warnings())
                .extracting(ExtractionWarning::code, ExtractionWarning::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("required_field_missing", "vendor_email"));
    }

    @Test
    void readsLineItemsFromAGeneratedPdf() throws IOException {
        byte[] pdf = pdf(List.of(
                new Object[] {50, 80, "Invoice No: 4711"},
                new Object[] {50, 200, "Description"},
                new Object[] {300, 200, "Qty"},
                new Object[] {380, 200, "Unit price"},
                new Object[] {480, 200, "Amount"},
                new Object[] {50, 225, "Consulting hours"},
                new Object[] {300, 225, "10"},
                new Object[] {380, 225, "95.00"},
                new Object[] {480, 225, "950.00"},
                new Object[] {50, 245, "Travel expenses"},
                new Object[] {300, 245, "1"},
                new Object[] {380, 245, "120.50"},
                new Object[] {480, 245, "120.50"},
                new Object[] {50, 258, "(train, two days)"},
                new Object[] {50, 278, "Software licence"},
                new Object[] {300, 278, "2"},
                new Object[] {380, 278, "49.90"},
                new Object[] {480, 278, "99.80"},
                new Object[] {380, 320, "Subtotal"},
                new Object[] {480, 320, "1170.30"},
                new Object[] {380, 335, "Total"},
                new Object[] {480, 335, "1170.30"}));
        ExtractorSpec extractor = new ExtractorSpec(
                "invoice",
                "",
                List.of(new FieldSpec(
                        "line_items",
                        FieldType.ARRAY,
                        "The invoice lines",
                        false,
                        List.of(),
                        new FieldSpec(
                                null,
                                FieldType.OBJECT,
                                "",
                                false,
                                List.of(),
                                null,
                                List.of(
                                        FieldSpec.of("description", FieldType.TEXT, "What was sold"),
                                        FieldSpec.of("quantity", FieldType.NUMBER, "Quantity"),
                                        FieldSpec.of("unit_price", FieldType.CURRENCY, "Price per unit"),
                                        FieldSpec.of("amount", FieldType.CURRENCY, "Line total"))),
                        List.of())));

        ExtractionResult result = engine.extract(new DocumentInput(pdf, "application/pdf", "t.pdf"), extractor);

        List<?> items = (List<?>) result.data().get("line_items");
        assertThat(items).hasSize(3);
        Map<?, ?> second = (Map<?, ?>) items.get(1);
        assertThat(second.get("description")).isEqualTo("Travel expenses (train, two days)");
        assertThat((BigDecimal) second.get("quantity")).isEqualByComparingTo("1");
        assertThat((BigDecimal) second.get("amount")).isEqualByComparingTo("120.50");
        assertThat((BigDecimal) ((Map<?, ?>) items.get(2)).get("unit_price")).isEqualByComparingTo("49.90");
        assertThat(result.confidence()).containsKey("line_items[2].amount");
        assertThat(result.locations().get("line_items[0].amount").page()).isEqualTo(1);
    }

    /** A one-page PDF with the given texts at (x, y from top) in points. */
    private static byte[] pdf(List<Object[]> texts) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (Object[] t : texts) {
                    cs.beginText();
                    cs.setFont(font, 10);
                    cs.newLineAtOffset(((Number) t[0]).floatValue(), 842 - ((Number) t[1]).floatValue());
                    cs.showText((String) t[2]);
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
