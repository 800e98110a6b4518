package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.layout.Layout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first reading in one language and the second for other languages, with the real Tesseract. */
class TesseractOcrLanguagesTest {

    private final TesseractOcr ocr = new TesseractOcr(EngineOptions.defaults());

    private OcrResult read(List<String> lines) {
        return ocr.recognize(
                ImageFixtures.textImage(1800, 120 + lines.size() * 80, lines, 40),
                Deadline.after(Duration.ofMinutes(2)));
    }

    private static String text(OcrResult result) {
        return String.join(
                "\n", result.lines().stream().map(line -> line.text()).toList());
    }

    @Test
    void anEnglishPageIsReadOnceInEnglish() {
        OcrResult result = read(List.of("Invoice 4711 for your order", "Please pay the total amount due"));

        assertThat(result.languages()).isEqualTo("eng");
        assertThat(text(result)).contains("Please pay the total amount due");
    }

    @Test
    void aGermanPageIsReadAgainInGermanAndKeepsItsUmlauts() {
        OcrResult result = read(List.of(
                "Rechnung für die Bestellung von Frau Müller",
                "Bitte zahlen Sie den Gesamtbetrag bis zum 14.03.2024",
                "Straße der Einheit 12, Köln"));

        assertThat(result.languages()).isEqualTo("deu+eng");
        assertThat(text(result))
                .contains("für")
                .contains("Müller")
                .contains("Straße")
                .contains("Köln");
    }

    @Test
    void tesseractReadsThePageFromATemporaryTiffFileThatIsDeletedAfterwards(@TempDir Path dir) throws IOException {
        // The real Tesseract behind a script that logs its image file and the file's first bytes.
        Path log = dir.resolve("calls.log");
        Path tesseract = loggingTesseract(dir, """
                [ -f "$1" ] && echo "$1 $(head -c 4 "$1" | od -An -tx1 | tr -d ' ')" >> '%s'
                """.formatted(log));

        OcrResult result = new TesseractOcr(withTesseract(tesseract.toString()))
                .recognize(
                        ImageFixtures.textImage(1800, 200, List.of("Invoice 4711 for your order"), 40),
                        Deadline.after(Duration.ofMinutes(2)));

        assertThat(text(result)).contains("Invoice 4711");
        List<String> calls = Files.readAllLines(log);
        assertThat(calls).hasSize(1);
        String[] call = calls.getFirst().split(" ");
        // Little-endian TIFF: "II", then 42.
        assertThat(call[1]).isEqualTo("49492a00");
        assertThat(call[0]).endsWith(".tif");
        assertThat(Path.of(call[0])).doesNotExist();
    }

    /** A script in {@code dir} that runs {@code logging} (shell lines) and then the real Tesseract. */
    private static Path loggingTesseract(Path dir, String logging) throws IOException {
        Path tesseract = dir.resolve("tesseract");
        Files.writeString(tesseract, "#!/bin/sh\n" + logging + "exec tesseract \"$@\"\n");
        Files.setPosixFilePermissions(tesseract, PosixFilePermissions.fromString("rwx------"));
        return tesseract;
    }

    private static EngineOptions withTesseract(String command) {
        EngineOptions defaults = EngineOptions.defaults();
        return new EngineOptions(
                defaults.maxPages(),
                true,
                defaults.ocrPageTimeout(),
                defaults.documentTimeout(),
                defaults.maxImagePixels(),
                command,
                defaults.ocrLanguages(),
                defaults.ocrEngine(),
                defaults.ocrModels());
    }

    @Test
    void laterPagesOfAGermanDocumentAreReadOnceWithTheLanguageTheFirstPageShowed(@TempDir Path dir) throws IOException {
        // The real Tesseract behind a script that logs each reading's languages.
        Path log = dir.resolve("readings.log");
        Path tesseract = loggingTesseract(dir, """
                for arg in "$@"; do [ "$previous" = "-l" ] && echo "$arg" >> '%s'; previous="$arg"; done
                """.formatted(log));
        EngineOptions options = withTesseract(tesseract.toString());
        List<String> page = List.of(
                "Rechnung für die Bestellung von Frau Müller",
                "Bitte zahlen Sie den Gesamtbetrag bis zum 14.03.2024",
                "Straße der Einheit 12, Köln");
        byte[] tiff = ImageFixtures.multiPageTiff(
                List.of(ImageFixtures.textImage(1800, 360, page, 40), ImageFixtures.textImage(1800, 360, page, 40)));

        Layout layout = new DocumentReader(options).read(tiff, DocumentFormat.TIFF);

        assertThat(layout.pages().get(1).lines().getFirst().text()).contains("für");
        assertThat(Files.readAllLines(log)).containsExactly("eng", "deu+eng", "deu+eng");
    }

    /** A script in {@code dir} that logs each reading's languages to {@code log}, then runs Tesseract. */
    private static EngineOptions languageLogging(Path dir, Path log) throws IOException {
        return withTesseract(loggingTesseract(dir, """
                for arg in "$@"; do [ "$previous" = "-l" ] && echo "$arg" >> '%s'; previous="$arg"; done
                """.formatted(log)).toString());
    }

    private static BufferedImage longPage(List<String> lines) {
        return ImageFixtures.textImage(1800, 120 + lines.size() * 80, lines, 40);
    }

    @Test
    void aLongGermanPageIsReadOnceInGermanAfterItsTopBandShowedTheLanguage(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("readings.log");
        List<String> page = new ArrayList<>(
                List.of("Rechnung für die Bestellung von Frau Müller", "Datum 14.03.2024 Kundennummer 88213"));
        for (int i = 1; i <= 10; i++) {
            page.add("Position " + i + " Beratungsleistung für Woche " + i + " Betrag " + (10 + i) + ",50");
        }
        page.add("Straße der Einheit 12, Köln");

        OcrResult result = new TesseractOcr(languageLogging(dir, log))
                .recognize(longPage(page), Deadline.after(Duration.ofMinutes(2)));

        // The top band in English, then the whole page once in German (not English, then again).
        assertThat(Files.readAllLines(log)).containsExactly("eng", "deu+eng");
        assertThat(result.languages()).isEqualTo("deu+eng");
        assertThat(text(result)).contains("Müller").contains("Straße der Einheit 12, Köln");
    }

    @Test
    void aLongEnglishPageIsReadWholeInEnglishAfterItsTopBand(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("readings.log");
        List<String> page = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            page.add("Item " + i + " consulting services for week " + i + " amount " + (10 + i) + ".50");
        }

        OcrResult result = new TesseractOcr(languageLogging(dir, log))
                .recognize(longPage(page), Deadline.after(Duration.ofMinutes(2)));

        assertThat(Files.readAllLines(log)).containsExactly("eng", "eng");
        assertThat(result.languages()).isEqualTo("eng");
        assertThat(result.lines()).extracting(line -> line.text()).containsExactlyElementsOf(page);
    }

    @Test
    void onlyTheFirstPageOfADocumentIsProbed(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("readings.log");
        List<String> page = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            page.add("Item " + i + " consulting services for week " + i);
        }
        byte[] tiff = ImageFixtures.multiPageTiff(List.of(longPage(page), longPage(page), longPage(page)));

        new DocumentReader(languageLogging(dir, log)).read(tiff, DocumentFormat.TIFF);

        // The first page's band and the page, then each later page once.
        assertThat(Files.readAllLines(log)).containsExactly("eng", "eng", "eng", "eng");
    }
}
