package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.OcrEngine;
import io.docextract.server.DocExtractProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** DOCEXTRACT_OCR_ENGINE, DOCEXTRACT_OCR_MODELS and DOCEXTRACT_OCR_LANGUAGES as the engine receives them. */
class ExtractionEngineConfigurationTest {

    private static EngineOptions options(String engine, String models) {
        return options(engine, models, null);
    }

    private static EngineOptions options(String engine, String models, String languages) {
        DocExtractProperties properties = new DocExtractProperties(
                null, null, null, null, null, null, null, null, null, null, null, null, null, engine, models,
                languages);
        return new ExtractionEngineConfiguration().engineOptions(properties, JobSettings.defaults());
    }

    @Test
    void defaultsToAutoWithTheLaunchersModelFolder() {
        EngineOptions options = options(null, null);

        assertThat(options.ocrEngine()).isEqualTo(OcrEngine.AUTO);
        assertThat(options.ocrModels()).isEqualTo(EngineOptions.defaultOcrModels());
        assertThat(options.ocrLanguages()).isEqualTo("eng+deu+fra+spa+nld+ita");
    }

    @Test
    void takesTheConfiguredOcrLanguagesWrittenAsTesseractDoesOrAsAList() {
        assertThat(options(null, null, "eng").ocrLanguages()).isEqualTo("eng");
        assertThat(options(null, null, "deu+eng").ocrLanguages()).isEqualTo("deu+eng");
        assertThat(options(null, null, " eng, fra ").ocrLanguages()).isEqualTo("eng+fra");
    }

    @Test
    void takesTheConfiguredEngineInAnyCaseAndTheModelFolder() {
        EngineOptions options = options("Tesseract", "/srv/models");

        assertThat(options.ocrEngine()).isEqualTo(OcrEngine.TESSERACT);
        assertThat(options.ocrModels()).isEqualTo(Path.of("/srv/models"));
    }

    @Test
    void refusesAnUnknownEngine() {
        assertThatThrownBy(() -> options("google", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tesseract, paddle or auto");
    }
}
