package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.OcrEngine;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PP-OCR with the real models (fetched by {@code ./docextract test} and CI into
 * {@link EngineOptions#defaultOcrModels()}), and the Tesseract fallback without them.
 */
class PaddleOcrTest {

    private static final Path MODELS = EngineOptions.defaultOcrModels();

    private static final List<String> RECEIPT = List.of(
            "KEDAI RUNCIT SRI JAYA SDN BHD", "NO 12, JALAN BUNGA RAYA 3", "DATE 14/03/2024 10:21", "TOTAL RM 33.90");

    @BeforeAll
    static void modelsAreInstalled() {
        assertThat(OcrModels.in(MODELS))
                .as("PP-OCR models in %s (./docextract fetches them; or set -Ddocextract.ocr.models)", MODELS)
                .isPresent();
    }

    private static EngineOptions options(OcrEngine engine, Path models) {
        return EngineOptions.defaults().withOcrEngine(engine, models);
    }

    @Test
    void readsAReceiptWithItsSpacesAndPlacesEachWord() {
        BufferedImage image = receipt(RECEIPT);
        DocumentReader reader = new DocumentReader(options(OcrEngine.PADDLE, MODELS));
        assertThat(reader.paddleOcr()).isTrue();

        Layout layout = reader.read(ImageFixtures.encode(image, "png"), DocumentFormat.PNG);

        Page page = layout.pages().getFirst();
        assertThat(page.lines()).extracting(Line::text).containsExactly(RECEIPT.toArray(String[]::new));
        // "TOTAL" is drawn from x = 40 on a 640-pixel-wide receipt, on the fourth line.
        Word total = page.lines().get(3).words().getFirst();
        assertThat(total.text()).isEqualTo("TOTAL");
        assertThat(total.box().x0()).isBetween(0.04, 0.08);
        assertThat(total.box().x1()).isBetween(0.17, 0.25);
        assertThat(total.box().centerY()).isBetween(0.70, 0.80);
        assertThat(total.confidence()).isBetween(0.8, 1.0);
        // The amount's box starts right of "RM".
        Word rm = page.lines().get(3).words().get(1);
        Word amount = page.lines().get(3).words().get(2);
        assertThat(amount.box().x0()).isGreaterThan(rm.box().x1());
    }

    @Test
    void keepsTheRowsOfASkewedTableTogether() {
        // Cells far apart on a page skewed by 1.5°: without straightening, the right-hand cells
        // sit 40 pixels lower than the first and each row fell apart into several lines.
        BufferedImage table = new BufferedImage(1800, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = table.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 1800, 400);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
            int y = 120;
            for (String[] row : new String[][] {
                {"Ground coffee", "2", "kg", "27.96", "55.92"}, {"Office chair", "4", "pcs", "218.00", "872.00"}
            }) {
                int[] columns = {60, 800, 1000, 1250, 1550};
                for (int c = 0; c < row.length; c++) {
                    g.drawString(row[c], columns[c], y);
                }
                y += 120;
            }
        } finally {
            g.dispose();
        }
        DocumentReader reader = new DocumentReader(options(OcrEngine.PADDLE, MODELS));

        Layout layout = reader.read(ImageFixtures.encode(ImageFixtures.rotated(table, 1.5), "png"), DocumentFormat.PNG);

        assertThat(layout.pages().getFirst().lines())
                .extracting(Line::text)
                .contains("Ground coffee 2 kg 27.96 55.92", "Office chair 4 pcs 218.00 872.00");
    }

    @Test
    void autoLeavesAPageInALanguageWithAccentsToTesseract() {
        PageOcr ocr = PageOcr.of(options(OcrEngine.AUTO, MODELS), new TesseractOcr(EngineOptions.defaults()));
        assertThat(ocr.paddleEnabled()).isTrue();
        List<String> german = List.of(
                "Rechnung für die Bestellung von Frau Müller",
                "Bitte zahlen Sie den Gesamtbetrag bis zum 14.03.2024",
                "Straße der Einheit 12, Köln");

        OcrResult result = ocr.recognize(
                ImageFixtures.textImage(1800, 360, german, 40),
                Deadline.after(Duration.ofMinutes(2)),
                new DocumentLanguage());

        assertThat(result.languages()).startsWith("deu");
        assertThat(String.join(" ", result.lines().stream().map(Line::text).toList()))
                .contains("Müller")
                .contains("Köln");
    }

    @Test
    void autoReadsACleanPageWithTesseract() {
        PageOcr ocr = PageOcr.of(options(OcrEngine.AUTO, MODELS), new TesseractOcr(EngineOptions.defaults()));

        OcrResult result =
                ocr.recognize(receipt(RECEIPT), Deadline.after(Duration.ofMinutes(2)), new DocumentLanguage());

        assertThat(result.languages()).startsWith("eng");
        assertThat(result.meanConfidence()).isGreaterThanOrEqualTo(OcrLanguages.NOISY);
    }

    @Test
    void autoReadsAPageTesseractReadsNoisilyWithPaddleOcr() {
        PageOcr ocr = PageOcr.of(options(OcrEngine.AUTO, MODELS), new TesseractOcr(EngineOptions.defaults()));
        BufferedImage specked = specked(receipt(RECEIPT));
        OcrResult tesseract = new TesseractOcr(EngineOptions.defaults())
                .recognize(specked, Deadline.after(Duration.ofMinutes(2)), new DocumentLanguage());
        assertThat(tesseract.meanConfidence()).as("Tesseract's confidence").isLessThan(OcrLanguages.NOISY);

        OcrResult result = ocr.recognize(specked, Deadline.after(Duration.ofMinutes(2)), new DocumentLanguage());

        assertThat(result.languages()).isEqualTo("ppocr");
        // The specks read as stray punctuation in places; the name line reads whole.
        assertThat(result.lines()).extracting(Line::text).contains("KEDAI RUNCIT SRI JAYA SDN BHD");
    }

    @Test
    void withoutTheModelsEveryPageIsReadByTesseract(@TempDir Path empty) {
        DocumentReader reader = new DocumentReader(options(OcrEngine.AUTO, empty));
        assertThat(reader.paddleOcr()).isFalse();

        Layout layout = reader.read(ImageFixtures.encode(receipt(RECEIPT), "png"), DocumentFormat.PNG);

        assertThat(layout.pages().getFirst().lines()).extracting(Line::text).contains("TOTAL RM 33.90");
    }

    @Test
    void aReadingStopsWhenThePageTimeoutPasses() {
        EngineOptions defaults = options(OcrEngine.PADDLE, MODELS);
        // A page may take a millisecond: the lines detected are not all read in that time.
        EngineOptions hurried = new EngineOptions(
                defaults.maxPages(),
                true,
                Duration.ofMillis(1),
                defaults.documentTimeout(),
                defaults.maxImagePixels(),
                defaults.tesseractCommand(),
                defaults.ocrLanguages(),
                defaults.ocrEngine(),
                defaults.ocrModels());
        DocumentReader reader = new DocumentReader(hurried);
        assertThat(reader.paddleOcr()).isTrue();

        assertThatThrownBy(() -> reader.read(ImageFixtures.encode(receipt(RECEIPT), "png"), DocumentFormat.PNG))
                .isInstanceOfSatisfying(ExtractionException.class, e -> {
                    assertThat(e.code()).isEqualTo(ExtractionErrorCode.EXTRACTION_TIMEOUT);
                    assertThat(e.getMessage()).startsWith("OCR of a page took longer than 1 ms");
                });
    }

    @Test
    void theModelsAreLoadedWhenAPageFirstNeedsThem(@TempDir Path models) throws IOException {
        DocumentReader reader = new DocumentReader(options(OcrEngine.AUTO, models));
        // Fetched after the engine started: an engine that loaded them at start would not know.
        OcrModels installed = OcrModels.in(MODELS).orElseThrow();
        for (Path file : List.of(installed.detection(), installed.recognition(), installed.dictionary())) {
            Files.copy(file, models.resolve(file.getFileName()));
        }

        assertThat(reader.paddleOcr()).isTrue();
    }

    @Test
    void tesseractChosenMeansTheModelsAreNotUsed() {
        DocumentReader reader = new DocumentReader(options(OcrEngine.TESSERACT, MODELS));

        assertThat(reader.paddleOcr()).isFalse();
    }

    /** A till receipt: monospaced print, gray on off-white paper, as a 640-pixel-wide scan. */
    private static BufferedImage receipt(List<String> lines) {
        int width = 640;
        int height = 80 + lines.size() * 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(246, 244, 238));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(60, 60, 60));
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 26));
            int y = 70;
            for (String line : lines) {
                g.drawString(line, 40, y);
                y += 60;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Dust and dropouts, as on a worn thermal receipt: Tesseract's confidence falls. */
    private static BufferedImage specked(BufferedImage image) {
        var random = new java.util.Random(7);
        for (int i = 0; i < image.getWidth() * image.getHeight() / 40; i++) {
            int x = random.nextInt(image.getWidth());
            int y = random.nextInt(image.getHeight());
            image.setRGB(x, y, random.nextBoolean() ? 0x202020 : 0xf6f4ee);
        }
        return image;
    }
}
