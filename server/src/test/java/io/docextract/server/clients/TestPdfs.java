package io.docextract.server.clients;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real text-layer PDFs for the integration tests: lines of text written at fixed positions. */
public final class TestPdfs {

    private TestPdfs() {}

    /** A one-page invoice with a number, a date and a total. */
    public static byte[] invoice(String number, String date, String total) {
        return page(List.of(
                "ACME Supplies Ltd",
                "12 High Street, London",
                "INVOICE",
                "Invoice number: " + number,
                "Invoice date: " + date,
                "Description                 Amount",
                "Consulting services         " + total,
                "Total due: GBP " + total));
    }

    /** One page with the given lines, top to bottom, in Helvetica 11 pt. */
    public static byte[] page(List<String> lines) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                float y = 780;
                for (String line : lines) {
                    content.beginText();
                    content.newLineAtOffset(60, y);
                    content.showText(line);
                    content.endText();
                    y -= 22;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
