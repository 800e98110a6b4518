package io.docextract.server.jobs;

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

/** A one-page A4 PDF with a text layer, one line per entry, written with PDFBox. */
public final class TextPdf {

    private TextPdf() {}

    public static byte[] of(List<String> lines) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                float y = page.getMediaBox().getHeight() - 72;
                for (String line : lines) {
                    content.beginText();
                    content.newLineAtOffset(72, y);
                    content.showText(line);
                    content.endText();
                    y -= 16;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small invoice with a number and a total. */
    public static byte[] invoice(String number, String total) {
        return of(List.of(
                "ACME Supplies Ltd",
                "12 Harbour Road, Bristol",
                "Invoice number: " + number,
                "Invoice date: 15 November 2024",
                "Total amount due: " + total + " EUR"));
    }

    /** A small invoice with a number, a date, one line and a total. */
    public static byte[] invoice(String number, String date, String total) {
        return of(List.of(
                "ACME Supplies Ltd",
                "12 High Street, London",
                "INVOICE",
                "Invoice number: " + number,
                "Invoice date: " + date,
                "Description                 Amount",
                "Consulting services         " + total,
                "Total due: GBP " + total));
    }
}
