package io.docextract.engine.document;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR with the Tesseract command-line program, one process per page image.
 *
 * <p>The image is prepared ({@link ScanPreprocessor}) and given to Tesseract as a TIFF file; its TSV
 * output becomes lines of words with boxes normalized to the prepared image. A page read with
 * very low confidence is tried again with thickened strokes, then upright (Tesseract's orientation
 * detection when the {@code osd} data is installed, else each quarter turn). That first reading
 * uses one language, or the one earlier pages of the document showed ({@link DocumentLanguage}),
 * or the one the page's top band showed when it was read first ({@link LanguageProbe}); a second
 * one follows only where it helps, for a page in another configured language or a noisy page
 * ({@link OcrLanguages}). Tesseract runs single-threaded
 * ({@code OMP_THREAD_LIMIT=1}: several threads per page are slower on a shared machine) and is
 * killed when the page timeout passes. Thread-safe: concurrent pages run separate processes.
 */
public final class TesseractOcr {

    private static final Logger log = LoggerFactory.getLogger(TesseractOcr.class);

    static final int DPI = 300;

    /** A page read with less mean confidence than this may be sideways or upside down. */
    private static final double LOW_CONFIDENCE = 0.5;

    /** Tesseract's page segmentation with its layout analysis (columns, blocks, tables). */
    private static final String AUTOMATIC_LAYOUT = "3";

    /**
     * The band of a language probe is read as one block of rows: its words are evidence only,
     * and the layout analysis cost a fifth of the band's reading (0.33 s against 0.41 s for the
     * benchmark's top eight rows).
     */
    private static final String ONE_BLOCK = "6";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern OSD_ROTATE = Pattern.compile("Rotate:\\s*(\\d+)");
    private static final Pattern OSD_CONFIDENCE = Pattern.compile("Orientation confidence:\\s*([0-9.]+)");

    private final EngineOptions options;
    private final ScanPreprocessor preprocessor;
    private volatile Installation installation;

    public TesseractOcr(EngineOptions options) {
        this(options, ScanPreprocessor.standard());
    }

    TesseractOcr(EngineOptions options, ScanPreprocessor preprocessor) {
        this.options = options;
        this.preprocessor = preprocessor;
    }

    /**
     * Whether Tesseract runs on this machine with at least one language; probed once. It does not
     * consider {@link EngineOptions#ocrEnabled()}: a server with OCR switched off is still ready.
     */
    public boolean available() {
        return installation().usable();
    }

    /**
     * The wanted languages that are installed (else {@code eng}), as one {@code -l} argument; a
     * page is read with all of them only when needed ({@link OcrLanguages}).
     */
    public String languages() {
        return installation().languages();
    }

    /** Reads a page image that is a document of its own. */
    OcrResult recognize(BufferedImage image, Deadline deadline) {
        return recognize(image, deadline, new DocumentLanguage());
    }

    /**
     * Reads one page image of a document, starting with the language its earlier pages showed and
     * remembering the language this page shows.
     *
     * @throws ExtractionException {@code ocr_unavailable} when OCR is off or Tesseract is
     *     missing, {@code extraction_timeout} when the page or document time runs out
     */
    OcrResult recognize(BufferedImage image, Deadline deadline, DocumentLanguage document) {
        return recognize(image, deadline, document, Optional::empty);
    }

    /**
     * As {@link #recognize(BufferedImage, Deadline, DocumentLanguage)}, but a page whose first
     * reading is noisy and in no other language is offered to {@code noisyPage} first; its
     * reading, when it gives one, replaces the second reading with every language.
     */
    OcrResult recognize(
            BufferedImage image,
            Deadline deadline,
            DocumentLanguage document,
            Supplier<Optional<OcrResult>> noisyPage) {
        if (!options.ocrEnabled()) {
            throw new ExtractionException(
                    ExtractionErrorCode.OCR_UNAVAILABLE, "The document needs OCR, which is turned off on this server.");
        }
        Installation tesseract = installation();
        if (!tesseract.usable()) {
            throw new ExtractionException(
                    ExtractionErrorCode.OCR_UNAVAILABLE,
                    "The document needs OCR, but Tesseract (" + options.tesseractCommand()
                            + ") is not installed or has no language data.");
        }
        try {
            OcrLanguages plan = tesseract.plan();
            BufferedImage prepared = preprocessor.prepare(image);
            FirstReading reading = firstReading(prepared, plan, document, deadline);
            String languages = reading.languages();
            Reading first = recognizeUpright(prepared, reading.result(), languages, tesseract, deadline);
            Optional<String> shown = plan.shown(first.result().lines());
            document.remember(shown);
            if (shown.isEmpty() && first.result().meanConfidence() < OcrLanguages.NOISY) {
                Optional<OcrResult> other = noisyPage.get();
                if (other.isPresent()) {
                    return other.get();
                }
            }
            Optional<String> second =
                    plan.second(languages, shown, first.result().meanConfidence());
            return second.isPresent() ? run(first.image(), second.get(), deadline) : first.result();
        } catch (OcrFailure e) {
            throw new ExtractionException(ExtractionErrorCode.INTERNAL_ERROR, e.getMessage(), e);
        }
    }

    /**
     * A page's first reading and its languages. The first long page of a document whose language
     * is not known yet has its top band read first ({@link LanguageProbe}): when the band shows
     * another configured language, the page is read once in it rather than in the first language
     * and then again. A band read sideways or poorly is no evidence.
     */
    private FirstReading firstReading(
            BufferedImage prepared, OcrLanguages plan, DocumentLanguage document, Deadline deadline) {
        String languages = plan.first(document.shown());
        if (document.unprobed() && plan.detects()) {
            OptionalInt cut = LanguageProbe.cut(prepared);
            if (cut.isPresent()) {
                document.probed();
                OcrResult probe = run(LanguageProbe.rows(prepared, 0, cut.getAsInt()), languages, ONE_BLOCK, deadline);
                if (!probe.sideways() && probe.meanConfidence() >= LOW_CONFIDENCE) {
                    languages = plan.first(plan.shown(probe.lines()));
                }
            }
        }
        return new FirstReading(languages, run(prepared, languages, deadline));
    }

    /** The first reading of a page, turned upright when it needed turning, and the image read. */
    private Reading recognizeUpright(
            BufferedImage prepared, OcrResult first, String languages, Installation tesseract, Deadline deadline) {
        boolean sideways = first.sideways();
        if (!sideways && (first.wordCount() < 3 || first.meanConfidence() >= LOW_CONFIDENCE)) {
            return new Reading(first, prepared);
        }
        Reading best = new Reading(first, prepared);
        if (!sideways) {
            // An upright page read poorly is most often faint or dot-matrix print whose strokes
            // break apart; thickened strokes read, and then no quarter turn needs trying.
            BufferedImage thick = ScanPreprocessor.thickenStrokes(prepared);
            OcrResult thickened = run(thick, languages, deadline);
            if (isBetter(thickened, first)) {
                best = new Reading(thickened, thick);
                if (thickened.meanConfidence() >= LOW_CONFIDENCE) {
                    return best;
                }
            }
        }
        List<Integer> turns = tesseract.osd()
                ? detectQuarterTurns(prepared, deadline).map(List::of).orElse(List.of())
                : List.of();
        if (turns.isEmpty()) {
            turns = sideways ? List.of(1, 3) : List.of(1, 2, 3);
        }
        for (int turn : turns) {
            BufferedImage image = ScanPreprocessor.quarterTurns(prepared, turn);
            OcrResult turned = run(image, languages, deadline);
            if (isBetter(turned, best.result())) {
                best = new Reading(turned, image);
            }
        }
        return best;
    }

    /** Upright beats sideways; otherwise more confidence wins, if not bought by losing most words. */
    private static boolean isBetter(OcrResult candidate, OcrResult current) {
        if (candidate.sideways() != current.sideways()) {
            return current.sideways() && candidate.wordCount() > 0;
        }
        return candidate.meanConfidence() > current.meanConfidence()
                && candidate.wordCount() >= current.wordCount() / 2;
    }

    private OcrResult run(BufferedImage gray, String languages, Deadline deadline) {
        return run(gray, languages, AUTOMATIC_LAYOUT, deadline);
    }

    /** Reads {@code gray} in Tesseract's page segmentation mode {@code psm}. */
    private OcrResult run(BufferedImage gray, String languages, String psm, Deadline deadline) {
        String tsv =
                execute(List.of("-l", languages, "--dpi", Integer.toString(DPI), "--psm", psm, "tsv"), gray, deadline);
        var lines = TesseractTsv.parse(tsv, gray.getWidth(), gray.getHeight());
        double confidence = lines.stream()
                .flatMap(line -> line.words().stream())
                .mapToDouble(word -> word.confidence())
                .average()
                .orElse(0);
        return new OcrResult(lines, gray.getWidth(), gray.getHeight(), confidence, languages);
    }

    /** Quarter turns clockwise that make the page upright, when OSD is sure enough. */
    private Optional<Integer> detectQuarterTurns(BufferedImage gray, Deadline deadline) {
        String output;
        try {
            output = execute(List.of("--psm", "0"), gray, deadline);
        } catch (OcrFailure e) {
            // OSD refuses pages with too little text; the first reading stands.
            return Optional.empty();
        }
        Matcher rotate = OSD_ROTATE.matcher(output);
        Matcher confidence = OSD_CONFIDENCE.matcher(output);
        if (!rotate.find() || !confidence.find() || Double.parseDouble(confidence.group(1)) < 1.0) {
            return Optional.empty();
        }
        int degrees = Integer.parseInt(rotate.group(1));
        return degrees == 0 ? Optional.empty() : Optional.of(degrees / 90);
    }

    /**
     * Runs Tesseract with {@code arguments} on {@code gray}, written to a temporary TIFF file
     * ({@link GrayTiff}: a sixth of Tesseract's time went to reading a PGM from its standard
     * input), and returns its standard output.
     */
    private String execute(List<String> arguments, BufferedImage gray, Deadline deadline) {
        Path image;
        try {
            image = GrayTiff.temporaryFile(gray);
        } catch (IOException e) {
            throw new OcrFailure("The page image could not be written for Tesseract: " + e.getMessage());
        }
        try {
            List<String> command = new ArrayList<>(List.of(options.tesseractCommand(), image.toString(), "stdout"));
            command.addAll(arguments);
            return execute(command, deadline);
        } finally {
            try {
                Files.deleteIfExists(image);
            } catch (IOException e) {
                log.warn("could not delete {}: {}", image, e.toString());
            }
        }
    }

    private String execute(List<String> command, Deadline deadline) {
        Duration timeout = deadline.forPage(options.ocrPageTimeout()).remaining();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process;
        try {
            process = builder.start();
            // The image is a file: Tesseract reads nothing from its standard input.
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new ExtractionException(
                    ExtractionErrorCode.OCR_UNAVAILABLE, "Tesseract could not be started: " + e.getMessage(), e);
        }
        try (var io = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<byte[]> stdout =
                    CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), io);
            CompletableFuture<byte[]> stderr =
                    CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), io);
            if (!process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new ExtractionException(
                        ExtractionErrorCode.EXTRACTION_TIMEOUT,
                        "OCR of a page took longer than " + timeout.toMillis() + " ms.");
            }
            String out = new String(stdout.get(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new OcrFailure("Tesseract exited with " + process.exitValue() + ": "
                        + new String(stderr.get(), StandardCharsets.UTF_8).strip());
            }
            return out;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ExtractionException(ExtractionErrorCode.EXTRACTION_TIMEOUT, "OCR was interrupted.", e);
        } catch (ExecutionException e) {
            throw new OcrFailure("Reading Tesseract's output failed: " + e.getCause());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Installation installation() {
        Installation current = installation;
        if (current == null) {
            synchronized (this) {
                current = installation;
                if (current == null) {
                    current = probe();
                    installation = current;
                }
            }
        }
        return current;
    }

    private Installation probe() {
        try {
            String version = probeOutput(List.of(options.tesseractCommand(), "--version"));
            String listing = probeOutput(List.of(options.tesseractCommand(), "--list-langs"));
            Set<String> installed = new LinkedHashSet<>();
            for (String line : listing.split("\r?\n")) {
                String lang = line.strip();
                if (!lang.isEmpty() && !lang.contains(" ") && !lang.endsWith(":")) {
                    installed.add(lang);
                }
            }
            List<String> chosen = new ArrayList<>();
            for (String wanted : options.ocrLanguages().split("\\+")) {
                String lang = wanted.strip().toLowerCase(Locale.ROOT);
                if (installed.contains(lang) && !lang.equals("osd") && !chosen.contains(lang)) {
                    chosen.add(lang);
                }
            }
            if (chosen.isEmpty()) {
                installed.stream()
                        .filter(lang -> lang.equals("eng"))
                        .findFirst()
                        .or(() -> installed.stream()
                                .filter(lang -> !lang.equals("osd"))
                                .findFirst())
                        .ifPresent(chosen::add);
            }
            Installation found = new Installation(
                    !chosen.isEmpty(), chosen.isEmpty() ? null : OcrLanguages.of(chosen), installed.contains("osd"));
            log.info(
                    "Tesseract {}: languages {} (installed {}), orientation detection {}",
                    version.lines().findFirst().orElse("?"),
                    found.languages(),
                    installed,
                    found.osd() ? "on" : "off");
            return found;
        } catch (IOException | OcrFailure e) {
            log.warn("Tesseract is not available ({}): pages that need OCR will fail", e.getMessage());
            return new Installation(false, null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Installation(false, null, false);
        }
    }

    private static String probeOutput(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                throw new OcrFailure(String.join(" ", command) + " failed");
            }
            return new String(output, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
        }
    }

    /** What the probe found: whether OCR can run, the readings' languages, and OSD data. */
    private record Installation(boolean usable, OcrLanguages plan, boolean osd) {

        String languages() {
            return usable ? plan.all() : "";
        }
    }

    /** A page's first reading, before it is turned upright, and the languages it was read in. */
    private record FirstReading(String languages, OcrResult result) {}

    /** A page's OCR result and the (upright) image it was read from. */
    private record Reading(OcrResult result, BufferedImage image) {}

    /** Tesseract ran but failed on this input; the page is unreadable rather than the server broken. */
    private static final class OcrFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OcrFailure(String message) {
            super(message);
        }
    }
}
