package io.docextract.server.jobs;

import io.docextract.engine.DefaultExtractionEngine;
import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionEngine;
import io.docextract.engine.OcrEngine;
import io.docextract.engine.document.TesseractOcr;
import io.docextract.server.DocExtractProperties;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine the workers run, configured from {@code DOCEXTRACT_OCR}, {@code DOCEXTRACT_OCR_ENGINE},
 * {@code DOCEXTRACT_OCR_MODELS}, {@code DOCEXTRACT_OCR_LANGUAGES} and {@code DOCEXTRACT_MAX_PAGES}.
 */
@Configuration(proxyBeanMethods = false)
public class ExtractionEngineConfiguration {

    @Bean
    EngineOptions engineOptions(DocExtractProperties properties, JobSettings settings) {
        EngineOptions defaults =
                EngineOptions.defaults().withOcrEnabled(properties.ocrEnabled()).withMaxPages(properties.maxPages());
        // The engine's own budget matches the worker's timeout, so it can stop cleanly first.
        return new EngineOptions(
                defaults.maxPages(),
                defaults.ocrEnabled(),
                defaults.ocrPageTimeout(),
                settings.timeout(),
                defaults.maxImagePixels(),
                defaults.tesseractCommand(),
                properties.ocrLanguages(),
                OcrEngine.parse(properties.ocrEngine()),
                Path.of(properties.ocrModels()));
    }

    @Bean
    ExtractionEngine extractionEngine(EngineOptions options) {
        return DefaultExtractionEngine.create(options);
    }

    /** Tesseract as the engine sees it, for readiness. */
    @Bean
    TesseractOcr tesseractOcr(EngineOptions options) {
        return new TesseractOcr(options);
    }
}
