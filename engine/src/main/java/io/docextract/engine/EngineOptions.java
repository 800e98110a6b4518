package io.docextract.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits and switches of the engine.
 *
 * @param maxPages documents with more pages fail with {@code too_many_pages}
 * @param ocrEnabled false turns OCR off ({@code DOCEXTRACT_OCR=off}); pages that need it then
 *     fail the job with {@code ocr_unavailable}
 * @param ocrPageTimeout how long Tesseract may take for one page
 * @param documentTimeout how long one whole extraction may take
 * @param maxImagePixels images with more pixels are refused before decoding
 * @param tesseractCommand the Tesseract executable
 * @param ocrLanguages Tesseract's {@code -l} argument; languages not installed are dropped
 * @param ocrEngine which reader OCRs pages ({@code DOCEXTRACT_OCR_ENGINE})
 * @param ocrModels the folder with the PP-OCR models ({@code DOCEXTRACT_OCR_MODELS}); when they
 *     are not there every page is read with Tesseract
 */
public record EngineOptions(
        int maxPages,
        boolean ocrEnabled,
        Duration ocrPageTimeout,
        Duration documentTimeout,
        long maxImagePixels,
        String tesseractCommand,
        String ocrLanguages,
        OcrEngine ocrEngine,
        Path ocrModels) {

    /**
     * Where the launcher puts the PP-OCR models: the system property {@code docextract.ocr.models}
     * (for tools and tests), else the environment's {@code DOCEXTRACT_OCR_MODELS} (which the
     * launcher sets), else {@code ~/.cache/docextract/ocr-models}.
     */
    public static Path defaultOcrModels() {
        String configured = System.getProperty("docextract.ocr.models", System.getenv("DOCEXTRACT_OCR_MODELS"));
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "docextract", "ocr-models");
    }

    /**
     * The defaults; the OCR engine is {@code auto} unless the system property
     * {@code docextract.ocr.engine} says otherwise (for tools that measure one reader).
     */
    public static EngineOptions defaults() {
        return new EngineOptions(
                500,
                true,
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                100_000_000L,
                "tesseract",
                "eng+deu+fra+spa+nld+ita",
                OcrEngine.parse(System.getProperty("docextract.ocr.engine", "auto")),
                defaultOcrModels());
    }

    public EngineOptions withOcrEnabled(boolean enabled) {
        return new EngineOptions(
                maxPages,
                enabled,
                ocrPageTimeout,
                documentTimeout,
                maxImagePixels,
                tesseractCommand,
                ocrLanguages,
                ocrEngine,
                ocrModels);
    }

    public EngineOptions withMaxPages(int pages) {
        return new EngineOptions(
                pages,
                ocrEnabled,
                ocrPageTimeout,
                documentTimeout,
                maxImagePixels,
                tesseractCommand,
                ocrLanguages,
                ocrEngine,
                ocrModels);
    }

    public EngineOptions withOcrEngine(OcrEngine engine, Path models) {
        return new EngineOptions(
                maxPages,
                ocrEnabled,
                ocrPageTimeout,
                documentTimeout,
                maxImagePixels,
                tesseractCommand,
                ocrLanguages,
                engine,
                models);
    }
}
