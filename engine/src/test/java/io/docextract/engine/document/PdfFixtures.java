package io.docextract.engine.document;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Builds real PDFs for the tests with PDFBox: text at known positions, scans, passwords. */
final class PdfFixtures {

    static final PDRectangle LETTER = PDRectangle.LETTER;

    /** Text drawn at a position in PDF points, origin bottom-left, baseline at {@code y}. */
    record Text(String text, float x, float y, float size, boolean bold) {
        static Text at(String text, float x, float y) {
            return new Text(text, x, y, 12, false);
        }
    }

    /** One page: its text items, or an image covering it (a scan). */
    record PageSpec(List<Text> texts, BufferedImage scan) {
        static PageSpec text(Text... texts) {
            return new PageSpec(List.of(texts), null);
        }

        static PageSpec scanned(BufferedImage image) {
            return new PageSpec(List.of(), image);
        }

        static PageSpec blank() {
            return new PageSpec(List.of(), null);
        }
    }

    private PdfFixtures() {}

    static byte[] pdf(PageSpec... pages) {
        return pdf(null, pages);
    }

    static byte[] pdf(StandardProtectionPolicy protection, PageSpec... pages) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (PageSpec spec : pages) {
                PDPage page = new PDPage(LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (spec.scan() != null) {
                        PDImageXObject image = LosslessFactory.createFromImage(document, spec.scan());
                        content.drawImage(image, 0, 0, LETTER.getWidth(), LETTER.getHeight());
                    }
                    for (Text text : spec.texts()) {
                        content.beginText();
                        content.setFont(text.bold() ? bold : regular, text.size());
                        content.newLineAtOffset(text.x(), text.y());
                        content.showText(text.text());
                        content.endText();
                    }
                }
            }
            if (protection != null) {
                document.protect(protection);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StandardProtectionPolicy userPassword(String password) {
        StandardProtectionPolicy policy =
                new StandardProtectionPolicy("owner-secret", password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        return policy;
    }

    /** Opens without a password but forbids copying and printing: must still be read. */
    static StandardProtectionPolicy ownerPasswordOnly() {
        AccessPermission permissions = new AccessPermission();
        permissions.setCanExtractContent(false);
        permissions.setCanPrint(false);
        permissions.setCanModify(false);
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", permissions);
        policy.setEncryptionKeyLength(128);
        return policy;
    }

    /**
     * A white page image with black text lines drawn by Java2D, as a scanner would deliver it;
     * {@code dpi} decides the pixel size of a Letter page.
     */
    static BufferedImage scannedPage(int dpi, List<String> lines, float pointSize) {
        int width = Math.round(8.5f * dpi);
        int height = Math.round(11f * dpi);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int pixelSize = Math.round(pointSize * dpi / 72f);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, pixelSize));
            int y = dpi; // one inch margin
            for (String line : lines) {
                g.drawString(line, dpi, y);
                y += pixelSize * 2;
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
