package io.docextract.engine.document;

import static io.docextract.engine.document.PdfFixtures.PageSpec;
import static io.docextract.engine.document.PdfFixtures.Text;
import static io.docextract.engine.document.PdfFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Image-only PDF pages go through the real Tesseract; pages with a text layer do not. */
class ScannedPdfTest {

    private static final List<String> SCAN_LINES =
            List.of("INVOICE 4711", "Date: 12.03.2024", "Total amount due: 1,234.56 EUR");

    private static byte[] mixed;

    @BeforeAll
    static void buildFixtures() {
        mixed = pdf(
                PageSpec.text(Text.at("Cover letter with a real text layer", 72, 700)),
                PageSpec.scanned(PdfFixtures.scannedPage(150, SCAN_LINES, 14)));
    }

    @Test
    void onlyThePageWithoutTextLayerIsOcred() {
        Layout layout = new DocumentReader(EngineOptions.defaults()).read(mixed, DocumentFormat.PDF);

        assertThat(layout.pageCount()).isEqualTo(2);
        assertThat(layout.pages()).extracting(Page::ocr).containsExactly(false, true);
        Page scan = layout.pages().get(1);
        assertThat(scan.lines()).extracting(Line::text).containsExactly(SCAN_LINES.toArray(String[]::new));
        // Text drawn one inch from the left and top edges of a Letter page.
        Word first = scan.lines().getFirst().words().getFirst();
        assertThat(first.box().x0()).isBetween(0.10, 0.13);
        assertThat(first.box().y1()).isBetween(0.07, 0.10);
        assertThat(first.confidence()).isGreaterThan(0.8).isLessThanOrEqualTo(1.0);
        assertThat(scan.width() / scan.height()).isBetween(0.76, 0.78);
    }

    static Stream<Arguments> ocrFailures() {
        EngineOptions defaults = EngineOptions.defaults();
        return Stream.of(
                Arguments.of("OCR switched off", defaults.withOcrEnabled(false), ExtractionErrorCode.OCR_UNAVAILABLE),
                Arguments.of(
                        "Tesseract missing",
                        new EngineOptions(
                                defaults.maxPages(),
                                true,
                                defaults.ocrPageTimeout(),
                                defaults.documentTimeout(),
                                defaults.maxImagePixels(),
                                "/nonexistent/tesseract",
                                defaults.ocrLanguages(),
                                defaults.ocrEngine(),
                                defaults.ocrModels()),
                        ExtractionErrorCode.OCR_UNAVAILABLE),
                Arguments.of(
                        "page timeout",
                        new EngineOptions(
                                defaults.maxPages(),
                                true,
                                Duration.ofMillis(50),
                                defaults.documentTimeout(),
                                defaults.maxImagePixels(),
                                defaults.tesseractCommand(),
                                defaults.ocrLanguages(),
                                defaults.ocrEngine(),
                                defaults.ocrModels()),
                        ExtractionErrorCode.EXTRACTION_TIMEOUT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ocrFailures")
    void aPageThatNeedsOcrFailsWithTheReason(String name, EngineOptions options, ExtractionErrorCode expected) {
        assertThatThrownBy(() -> new DocumentReader(options).read(mixed, DocumentFormat.PDF))
                .isInstanceOfSatisfying(
                        ExtractionException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }

    @Test
    void missingTesseractIsReportedAsUnavailable() {
        EngineOptions defaults = EngineOptions.defaults();
        TesseractOcr missing = new TesseractOcr(new EngineOptions(
                defaults.maxPages(),
                true,
                defaults.ocrPageTimeout(),
                defaults.documentTimeout(),
                defaults.maxImagePixels(),
                "/nonexistent/tesseract",
                defaults.ocrLanguages(),
                defaults.ocrEngine(),
                defaults.ocrModels()));

        assertThat(missing.available()).isFalse();
        assertThat(new TesseractOcr(defaults).available()).isTrue();
        assertThat(new TesseractOcr(defaults).languages()).startsWith("eng");
    }
}
