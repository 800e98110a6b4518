package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** A bare scan page at the OCR resolution is taken as its image, and equals its rendering. */
class FullPageScanTest {

    private static final List<String> LINES = List.of("INVOICE 4711", "Total amount due: 1,234.56 EUR");

    @Test
    void aPageThatIsOneScanAtTheOcrResolutionGivesTheRenderedPixels() throws IOException {
        BufferedImage scan = PdfFixtures.scannedPage(300, LINES, 12);
        try (PDDocument document = Loader.loadPDF(PdfFixtures.pdf(PdfFixtures.PageSpec.scanned(scan)))) {
            Optional<BufferedImage> taken = FullPageScan.of(document.getPage(0), 300);
            BufferedImage rendered = new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY);

            assertThat(taken).isPresent();
            assertThat(taken.get().getWidth()).isEqualTo(rendered.getWidth());
            // The renderer may round the last row away; every row it has is the same.
            assertThat(taken.get().getHeight()).isBetween(rendered.getHeight(), rendered.getHeight() + 1);
            byte[] ours = ScanPreprocessor.pixels(taken.get());
            byte[] theirs = ScanPreprocessor.pixels(rendered);
            assertThat(Arrays.equals(ours, 0, theirs.length, theirs, 0, theirs.length))
                    .isTrue();
        }
    }

    @Test
    void aScanAtAnotherResolutionIsRendered() throws IOException {
        BufferedImage scan = PdfFixtures.scannedPage(150, LINES, 12);
        try (PDDocument document = Loader.loadPDF(PdfFixtures.pdf(PdfFixtures.PageSpec.scanned(scan)))) {
            assertThat(FullPageScan.of(document.getPage(0), 300)).isEmpty();
        }
    }

    @Test
    void aScanWithAnythingElseDrawnOnItIsRendered() throws IOException {
        PdfFixtures.PageSpec stamped = new PdfFixtures.PageSpec(
                List.of(PdfFixtures.Text.at("PAID", 400, 700)), PdfFixtures.scannedPage(300, LINES, 12));
        try (PDDocument document = Loader.loadPDF(PdfFixtures.pdf(stamped))) {
            assertThat(FullPageScan.of(document.getPage(0), 300)).isEmpty();
        }
    }
}
