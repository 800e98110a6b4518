package io.docextract.engine.document;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR with PaddleOCR's PP-OCRv4 models run by ONNX Runtime in this process: text lines are
 * detected on the page ({@link TextDetector}), then each is read ({@link TextRecognizer}). On
 * photographed and thermal receipts it reads letters and spacing that Tesseract gets wrong, but
 * its character list has no accented Latin letters, so {@link PageOcr} keeps pages in other
 * languages on Tesseract. Each page runs on the calling thread only (one intra-op thread, as
 * Tesseract's {@code OMP_THREAD_LIMIT=1}); thread-safe.
 */
public final class PaddleOcr implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PaddleOcr.class);

    /**
     * Pages are read at most this large (longer side, pixels): a 7000-pixel phone photo has
     * letters 100 pixels high, far more than recognition's 48, and would cost 20 times the time.
     */
    static final int MAX_SIDE = 2400;

    /** Detection runs at most this large; thermal receipt letters stay above 10 pixels. */
    static final int DETECTION_MAX_SIDE = 1600;

    /**
     * Where the space class reaches this probability between two characters, they are two
     * words although blank won ({@link LineReading#words}); chosen on the sroie receipts, see
     * docs/extraction.md.
     */
    static final float SPACE_PROBABILITY = 0.02f;

    /** The same after a comma, period, colon or semicolon. */
    static final float SPACE_PROBABILITY_AFTER_PUNCTUATION = 0.01f;

    /** Skews below this (degrees) are left: the skew search steps by a quarter degree. */
    private static final double MIN_SKEW_DEGREES = 0.25;

    /** Lines read with less mean confidence than this are noise the detector took for text. */
    private static final double MIN_LINE_CONFIDENCE = 0.5;

    private final OrtSession detection;
    private final OrtSession recognition;
    private final TextDetector detector;
    private final TextRecognizer recognizer;

    private PaddleOcr(OrtSession detection, OrtSession recognition, TextDetector detector, TextRecognizer recognizer) {
        this.detection = detection;
        this.recognition = recognition;
        this.detector = detector;
        this.recognizer = recognizer;
    }

    /** One reader per model folder for the whole process: the sessions are large and immutable. */
    private static final Map<Path, Optional<PaddleOcr>> SHARED = new ConcurrentHashMap<>();

    /**
     * The process's reader for the models in {@code directory}, loaded on first use; empty when
     * they are not there or cannot be loaded (checked once per process).
     */
    static Optional<PaddleOcr> shared(Path directory) {
        return SHARED.computeIfAbsent(directory.toAbsolutePath().normalize(), PaddleOcr::load);
    }

    /**
     * A new reader for the models in {@code directory}; empty (logged) when they are not there or
     * cannot be loaded, so OCR stays with Tesseract. The caller closes it.
     */
    public static Optional<PaddleOcr> load(Path directory) {
        Optional<OcrModels> found = OcrModels.in(directory);
        if (found.isEmpty()) {
            log.info("PP-OCR models not found in {}: OCR uses Tesseract only", directory);
            return Optional.empty();
        }
        OcrModels models = found.get();
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            List<String> characters = new ArrayList<>(Files.readAllLines(models.dictionary(), StandardCharsets.UTF_8));
            characters.add(" ");
            OrtSession detection = environment.createSession(models.detection().toString(), sessionOptions());
            OrtSession recognition =
                    environment.createSession(models.recognition().toString(), sessionOptions());
            log.info("PP-OCR models loaded from {}", directory);
            return Optional.of(new PaddleOcr(
                    detection,
                    recognition,
                    new TextDetector(environment, detection),
                    new TextRecognizer(environment, recognition, characters)));
        } catch (OrtException | IOException | UnsatisfiedLinkError e) {
            log.warn("PP-OCR models in {} could not be loaded ({}): OCR uses Tesseract only", directory, e.toString());
            return Optional.empty();
        }
    }

    private static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // Every page and line has its own input size: planning memory for one shape is wasted.
        options.setMemoryPatternOptimization(false);
        return options;
    }

    /**
     * Reads a page image: lines of words with boxes normalized to the image, and the image's size.
     *
     * @param deadline the page's or the document's, whichever comes first; checked between the
     *     lines read (a line takes tens of milliseconds, detecting them a second or two)
     * @throws ExtractionException {@code extraction_timeout} when the deadline passes,
     *     {@code internal_error} when the models fail to run
     */
    OcrResult recognize(BufferedImage image, Deadline deadline) {
        BufferedImage upright = straightened(image);
        RgbImage page = RgbImage.of(upright, MAX_SIDE);
        try {
            List<Word> words = new ArrayList<>();
            for (LineReading line : readLines(page, deadline)) {
                if (line.confidence() >= MIN_LINE_CONFIDENCE) {
                    words.addAll(line.words(
                            page.width(), page.height(), SPACE_PROBABILITY, SPACE_PROBABILITY_AFTER_PUNCTUATION));
                }
            }
            List<Line> lines = LineGrouper.group(words);
            double confidence =
                    words.stream().mapToDouble(Word::confidence).average().orElse(0);
            return new OcrResult(lines, upright.getWidth(), upright.getHeight(), confidence, "ppocr");
        } catch (OrtException e) {
            throw new ExtractionException(ExtractionErrorCode.INTERNAL_ERROR, "PP-OCR failed: " + e.getMessage(), e);
        }
    }

    /** Every text line detected on the page, as read, in detection order. */
    List<LineReading> readLines(RgbImage page, Deadline deadline) throws OrtException {
        RgbImage small = page.width() <= DETECTION_MAX_SIDE && page.height() <= DETECTION_MAX_SIDE
                ? page
                : RgbImage.of(toImage(page), DETECTION_MAX_SIDE);
        double fx = (double) page.width() / small.width();
        double fy = (double) page.height() / small.height();
        List<LineReading> lines = new ArrayList<>();
        for (TextBox found : detector.detect(small)) {
            deadline.check();
            lines.add(recognizer.read(page, found.scaled(fx, fy)));
        }
        return lines;
    }

    /**
     * The page in gray, turned so its text rows run level when they are skewed by a quarter
     * degree or more ({@link ScanPreprocessor#skewAngle}). Each detected line is read along its
     * own angle anyway, but words are grouped into lines by their upright boxes: on a page
     * skewed by 1° the row of a 2400-pixel-wide table drifts by 40 pixels, more than a line's
     * height, and one table row became three lines (line items lost on the synth scans).
     */
    static BufferedImage straightened(BufferedImage image) {
        BufferedImage gray = ScanPreprocessor.grayscale(image);
        double angle = ScanPreprocessor.skewAngle(gray);
        return Math.abs(angle) >= MIN_SKEW_DEGREES ? ScanPreprocessor.rotate(gray, Math.toRadians(angle)) : gray;
    }

    private static BufferedImage toImage(RgbImage rgb) {
        BufferedImage image = new BufferedImage(rgb.width(), rgb.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, rgb.width(), rgb.height(), rgb.pixels(), 0, rgb.width());
        return image;
    }

    @Override
    public void close() {
        try {
            detection.close();
            recognition.close();
        } catch (OrtException e) {
            log.warn("closing the PP-OCR sessions failed: {}", e.toString());
        }
    }
}
