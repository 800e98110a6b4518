package io.docextract.engine;

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
 */
public record EngineOptions(
        int maxPages,
        boolean ocrEnabled,
        Duration ocrPageTimeout,
        Duration documentTimeout,
        long maxImagePixels,
        String tesseractCommand,
        String ocrLanguages) {

    public static EngineOptions defaults() {
        return new EngineOptions(
                500,
                true,
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                100_000_000L,
                "tesseract",
                "eng+deu+fra+spa+nld+ita");
    }

    public EngineOptions withOcrEnabled(boolean enabled) {
        return new EngineOptions(
                maxPages, enabled, ocrPageTimeout, documentTimeout, maxImagePixels, tesseractCommand, ocrLanguages);
    }

    public EngineOptions withMaxPages(int pages) {
        return new EngineOptions(
                pages, ocrEnabled, ocrPageTimeout, documentTimeout, maxImagePixels, tesseractCommand, ocrLanguages);
    }
}
