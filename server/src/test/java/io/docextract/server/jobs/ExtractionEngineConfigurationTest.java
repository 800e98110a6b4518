package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.OcrEngine;
import io.docextract.server.DocExtractProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** DOCEXTRACT_OCR_ENGINE and DOCEXTRACT_OCR_MODELS as the engine receives them. */
class ExtractionEngineConfigurationTest {

    private static EngineOptions options(String engine, String models) {
        DocExtractProperties properties = new DocExtractProperties(
                null, null, null, null, null, null, null, null, null, null, null, null, null, engine, models);
        return new ExtractionEngineConfiguration().engineOptions(properties, JobSettings.defaults());
    }

    @Test
    void defaultsToAutoWithTheLaunchersModelFolder() {
        EngineOptions options = options(null, null);

        assertThat(options.ocrEngine()).isEqualTo(OcrEngine.AUTO);
        assertThat(options.ocrModels()).isEqualTo(EngineOptions.defaultOcrModels());
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
