package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.EngineOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
