package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every image format through ImageIO and the real Tesseract. */
class ImageLayoutReaderTest {

    private static final List<String> LINES = List.of("Invoice 2024-117", "Total due 98.40");

    private final DocumentReader reader = new DocumentReader(EngineOptions.defaults());

    static Stream<Arguments> formats() {
        BufferedImage image = ImageFixtures.textImage(1000, 320, LINES, 40);
        return Stream.of(
                Arguments.of(DocumentFormat.PNG, ImageFixtures.encode(image, "png")),
                Arguments.of(DocumentFormat.JPEG, ImageFixtures.encode(image, "jpeg")),
                Arguments.of(DocumentFormat.BMP, ImageFixtures.encode(image, "bmp")),
                Arguments.of(DocumentFormat.GIF, ImageFixtures.encode(image, "gif")),
                Arguments.of(DocumentFormat.TIFF, ImageFixtures.encode(image, "tiff")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void readsTheTextOfEveryImageFormat(DocumentFormat format, byte[] bytes) {
        assertThat(format.matches(bytes)).isTrue();

        Layout layout = reader.read(bytes, format);

        assertThat(layout.pageCount()).isEqualTo(1);
        Page page = layout.pages().getFirst();
        assertThat(page.ocr()).isTrue();
        assertThat(page.lines()).extracting(Line::text).containsExactly(LINES.toArray(String[]::new));
        // Text starts 80 px into a 1000 × 320 image; the first baseline is at 80 px.
        Word first = page.lines().getFirst().words().getFirst();
        assertThat(first.box().x0()).isBetween(0.07, 0.09);
        assertThat(first.box().y1()).isBetween(0.22, 0.28);
        assertThat(page.width() / page.height()).isBetween(3.0, 3.3);
        assertThat(page.lines().getFirst().words())
                .allSatisfy(word -> assertThat(word.confidence()).isBetween(0.5, 1.0));
    }

    @Test
    void readsWebp() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/document/receipt.webp")) {
            bytes = in.readAllBytes();
        }
        assertThat(DocumentFormat.WEBP.matches(bytes)).isTrue();

        Layout layout = reader.read(bytes, DocumentFormat.WEBP);

        assertThat(layout.text()).isEqualTo("Coffee Corner Receipt\nTotal 42.50");
    }

    @Test
    void readsEveryPageOfATiff() {
        byte[] bytes = ImageFixtures.multiPageTiff(List.of(
                ImageFixtures.textImage(1000, 320, List.of("First page"), 40),
                ImageFixtures.textImage(1000, 320, List.of("Second page"), 40)));

        Layout layout = reader.read(bytes, DocumentFormat.TIFF);

        assertThat(layout.pages()).extracting(Page::number).containsExactly(1, 2);
        assertThat(layout.text()).isEqualTo("First page\n\nSecond page");
    }

    @Test
    void turnsSidewaysScansUpright() {
        BufferedImage upright = ImageFixtures.textImage(
                1400, 700, List.of("Delivery note 5531", "Customer number 88213", "Shipped on 14 May 2024"), 40);
        byte[] bytes = ImageFixtures.encode(ImageFixtures.rotated(upright, 90), "png");

        Layout layout = reader.read(bytes, DocumentFormat.PNG);

        assertThat(layout.text()).contains("Delivery note 5531").contains("Customer number 88213");
        Page page = layout.pages().getFirst();
        assertThat(page.lines()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(page.width()).isGreaterThan(page.height());
    }

    @Test
    void readsPalePrintBesideADarkSurrounding() {
        List<String> lines = List.of("HAI RAYA OUTLET 4711", "TOTAL INCL GST 47.70");
        byte[] bytes = ImageFixtures.encode(ImageFixtures.paleReceiptBesideADarkTable(lines), "jpeg");

        Layout layout = reader.read(bytes, DocumentFormat.JPEG);

        assertThat(layout.pages().getFirst().lines()).extracting(Line::text).containsExactlyElementsOf(lines);
    }

    @Test
    void straightensSlightlySkewedScans() {
        BufferedImage upright = ImageFixtures.textImage(
                1600, 600, List.of("Order confirmation 7781 for account 4410", "Amount payable 2,315.00 EUR"), 36);
        byte[] bytes = ImageFixtures.encode(ImageFixtures.rotated(upright, 3), "png");

        Layout layout = reader.read(bytes, DocumentFormat.PNG);

        assertThat(layout.pages().getFirst().lines())
                .extracting(Line::text)
                .containsExactly("Order confirmation 7781 for account 4410", "Amount payable 2,315.00 EUR");
    }

    @Test
    void refusesAnOversizedImageFromItsHeaderWithoutDecodingIt() {
        byte[] bytes = ImageFixtures.hugeWhitePng(20_000, 20_000);
        Runtime runtime = Runtime.getRuntime();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();

        assertThatThrownBy(() -> reader.read(bytes, DocumentFormat.PNG))
                .isInstanceOfSatisfying(ExtractionException.class, e -> {
                    assertThat(e.code()).isEqualTo(ExtractionErrorCode.DOCUMENT_UNREADABLE);
                    assertThat(e.getMessage()).contains("too large").contains("20000 × 20000");
                });
        long usedAfter = runtime.totalMemory() - runtime.freeMemory();
        assertThat(usedAfter - usedBefore).isLessThan(100_000_000L);
    }

    static Stream<Arguments> failures() {
        BufferedImage page = ImageFixtures.textImage(600, 200, List.of("Page"), 40);
        byte[] png = ImageFixtures.encode(page, "png");
        byte[] brokenPng = java.util.Arrays.copyOf(png, 60);
        return Stream.of(
                Arguments.of(
                        "blank image",
                        DocumentFormat.PNG,
                        ImageFixtures.encode(
                                new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB) {
                                    {
                                        getGraphics().fillRect(0, 0, 800, 600);
                                    }
                                },
                                "png"),
                        EngineOptions.defaults(),
                        ExtractionErrorCode.DOCUMENT_UNREADABLE),
                Arguments.of(
                        "truncated PNG",
                        DocumentFormat.PNG,
                        brokenPng,
                        EngineOptions.defaults(),
                        ExtractionErrorCode.DOCUMENT_CORRUPT),
                Arguments.of(
                        "not an image",
                        DocumentFormat.JPEG,
                        new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3},
                        EngineOptions.defaults(),
                        ExtractionErrorCode.DOCUMENT_CORRUPT),
                Arguments.of(
                        "too many TIFF pages",
                        DocumentFormat.TIFF,
                        ImageFixtures.multiPageTiff(List.of(page, page, page)),
                        EngineOptions.defaults().withMaxPages(2),
                        ExtractionErrorCode.TOO_MANY_PAGES),
                Arguments.of(
                        "OCR off",
                        DocumentFormat.PNG,
                        png,
                        EngineOptions.defaults().withOcrEnabled(false),
                        ExtractionErrorCode.OCR_UNAVAILABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresCarryTheirCode(
            String name, DocumentFormat format, byte[] bytes, EngineOptions options, ExtractionErrorCode expected) {
        assertThatThrownBy(() -> new DocumentReader(options).read(bytes, format))
                .isInstanceOfSatisfying(
                        ExtractionException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }
}
