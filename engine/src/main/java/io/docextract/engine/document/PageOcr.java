package io.docextract.engine.document;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.OcrEngine;
import io.docextract.engine.layout.Line;
import io.docextract.engine.values.DocumentContextDetector;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.function.Supplier;
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
    private final Supplier<Optional<PaddleOcr>> paddle;

    /** @param paddle PP-OCR, asked for only when a page needs it (loading its models takes time) */
    PageOcr(EngineOptions options, TesseractOcr tesseract, Supplier<Optional<PaddleOcr>> paddle) {
        this.options = options;
        this.tesseract = tesseract;
        this.paddle = options.ocrEngine() == OcrEngine.TESSERACT ? Optional::empty : paddle;
    }

    /**
     * The readers the options ask for. PP-OCR's models are loaded when the first page needs them,
     * not here: with {@code auto} only a noisy page does, and a process that never reads one does
     * not hold their few hundred MB of native memory or wait for them at start.
     */
    static PageOcr of(EngineOptions options, TesseractOcr tesseract) {
        return new PageOcr(options, tesseract, () -> PaddleOcr.shared(options.ocrModels()));
    }

    TesseractOcr tesseract() {
        return tesseract;
    }

    /**
     * Whether PP-OCR reads pages (its models load, and the options do not choose Tesseract); loads
     * the models when no page has yet.
     */
    boolean paddleEnabled() {
        return paddle.get().isPresent();
    }

    /**
     * Reads one page image of a document. A PP-OCR reading stops, as a Tesseract process is
     * killed, when the page timeout or the document's deadline passes.
     *
     * @throws io.docextract.engine.ExtractionException as {@link TesseractOcr#recognize}
     */
    OcrResult recognize(BufferedImage image, Deadline deadline, DocumentLanguage document) {
        if (options.ocrEnabled() && (options.ocrEngine() == OcrEngine.PADDLE || !tesseract.available())) {
            Optional<PaddleOcr> reader = paddle.get();
            if (reader.isPresent()) {
                return read(reader.get(), image, deadline);
            }
        }
        return tesseract.recognize(
                image,
                deadline,
                document,
                () -> paddle.get()
                        .map(reader -> read(reader, image, deadline))
                        .filter(reading -> !needsTesseract(reading)));
    }

    private OcrResult read(PaddleOcr reader, BufferedImage image, Deadline deadline) {
        return reader.recognize(image, deadline.forPage(options.ocrPageTimeout()));
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
