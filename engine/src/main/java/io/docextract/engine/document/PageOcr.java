package io.docextract.engine.document;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.OcrEngine;
import io.docextract.engine.layout.Line;
import io.docextract.engine.values.DocumentContextDetector;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the reader of each scanned page ({@link EngineOptions#ocrEngine()}): Tesseract, or
 * PP-OCR ({@link PaddleOcr}) when its models are installed. With {@code auto}, Tesseract reads
 * every page first (on a clean dense page it takes 2.5–2.8 s where PP-OCR takes 6–7 s, see
 * docs/extraction.md), and a page it reads noisily (mean word confidence below
 * {@link OcrLanguages#NOISY}: photographed and thermal-print receipts) in no other language is read
 * by PP-OCR instead of a second Tesseract reading with every language. PP-OCR's reading is kept
 * when it read the page (enough words, upright, confident) and its words are English: its
 * characters have no accented Latin letters. Thread-safe.
 */
final class PageOcr {

    /** A PP-OCR reading with fewer words than this is a page it could not read. */
    private static final int MIN_WORDS = 3;

    /** A PP-OCR reading below this mean confidence is a page it could not read. */
    private static final double MIN_CONFIDENCE = 0.5;

    private static final Logger log = LoggerFactory.getLogger(PageOcr.class);

    private static final DocumentContextDetector DETECTOR = new DocumentContextDetector();

    private final EngineOptions options;
    private final TesseractOcr tesseract;
    private final Optional<PaddleOcr> paddle;

    PageOcr(EngineOptions options, TesseractOcr tesseract, Optional<PaddleOcr> paddle) {
        this.options = options;
        this.tesseract = tesseract;
        this.paddle = options.ocrEngine() == OcrEngine.TESSERACT ? Optional.empty() : paddle;
    }

    /** The readers the options ask for; PP-OCR's models are loaded unless Tesseract is chosen. */
    static PageOcr of(EngineOptions options, TesseractOcr tesseract) {
        Optional<PaddleOcr> paddle =
                options.ocrEngine() == OcrEngine.TESSERACT ? Optional.empty() : PaddleOcr.shared(options.ocrModels());
        return new PageOcr(options, tesseract, paddle);
    }

    TesseractOcr tesseract() {
        return tesseract;
    }

    /** Whether PP-OCR reads pages (its models loaded and the options not set to Tesseract). */
    boolean paddleEnabled() {
        return paddle.isPresent();
    }

    /**
     * Reads one page image of a document.
     *
     * @throws io.docextract.engine.ExtractionException as {@link TesseractOcr#recognize}
     */
    OcrResult recognize(BufferedImage image, Deadline deadline, DocumentLanguage document) {
        if (paddle.isEmpty() || !options.ocrEnabled()) {
            return tesseract.recognize(image, deadline, document);
        }
        if (options.ocrEngine() == OcrEngine.PADDLE || !tesseract.available()) {
            return paddle.get().recognize(image, deadline);
        }
        return tesseract.recognize(
                image,
                deadline,
                document,
                () -> Optional.of(paddle.get().recognize(image, deadline)).filter(reading -> !needsTesseract(reading)));
    }

    private static boolean needsTesseract(OcrResult result) {
        if (result.wordCount() < MIN_WORDS || result.meanConfidence() < MIN_CONFIDENCE || result.sideways()) {
            log.debug(
                    "PP-OCR read {} words at confidence {}: page read with Tesseract",
                    result.wordCount(),
                    result.meanConfidence());
            return true;
        }
        String language = DETECTOR.detect(
                        result.lines().stream().map(Line::text).toList())
                .language();
        if (language != null && !language.equals("en")) {
            log.debug("PP-OCR reading is in '{}': page read with Tesseract", language);
            return true;
        }
        return false;
    }
}
