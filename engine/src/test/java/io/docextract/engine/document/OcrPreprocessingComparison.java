package io.docextract.engine.document;

import io.docextract.engine.EngineOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/**
 * Measures what each OCR preparation step does on labelled scans; not a test (JUnit does not
 * pick it up). For every image and every variant it prints the mean word confidence, the share
 * of ground-truth value tokens found in the OCR text, and the time.
 *
 * <pre>
 * java -cp engine/target/test-classes:engine/target/classes:$(cat /tmp/cp.txt) \
 *     io.docextract.engine.document.OcrPreprocessingComparison LANGS IMAGE...
 * </pre>
 *
 * Each image's labels are looked up in the {@code ground_truth.jsonl} of the folder above it
 * (by its path relative to that folder), as in the shared corpus.
 */
public final class OcrPreprocessingComparison {

    private OcrPreprocessingComparison() {}

    public static void main(String[] args) throws IOException {
        String languages = args[0];
        Map<String, ScanPreprocessor> variants = new LinkedHashMap<>();
        variants.put("gray only", new ScanPreprocessor(false, false, false, false));
        variants.put("+upscale", new ScanPreprocessor(true, false, false, false));
        variants.put("+border", new ScanPreprocessor(false, true, false, false));
        variants.put("+flatten", new ScanPreprocessor(false, false, true, false));
        variants.put("+deskew", new ScanPreprocessor(false, false, false, true));
        variants.put("flat+desk", new ScanPreprocessor(false, false, true, true));
        variants.put("no border", new ScanPreprocessor(true, false, true, true));
        variants.put("standard", ScanPreprocessor.standard());
        EngineOptions defaults = EngineOptions.defaults();
        EngineOptions options = new EngineOptions(
                defaults.maxPages(),
                true,
                Duration.ofMinutes(2),
                Duration.ofMinutes(10),
                defaults.maxImagePixels(),
                defaults.tesseractCommand(),
                languages,
                EngineOptions.defaults().ocrEngine(),
                EngineOptions.defaults().ocrModels());
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (String file : List.copyOf(List.of(args).subList(1, args.length))) {
            Path path = Path.of(file);
            List<String> tokens = groundTruthTokens(path);
            BufferedImage image = ImageIO.read(path.toFile());
            for (var variant : variants.entrySet()) {
                TesseractOcr ocr = new TesseractOcr(options, variant.getValue());
                long start = System.nanoTime();
                OcrResult result = ocr.recognize(image, Deadline.after(Duration.ofMinutes(5)));
                double millis = (System.nanoTime() - start) / 1e6;
                String text = normalize(
                        result.lines().stream().map(line -> line.text()).reduce("", (a, b) -> a + " " + b));
                long found = tokens.stream().filter(text::contains).count();
                double recall = tokens.isEmpty() ? 0 : (double) found / tokens.size();
                System.out.printf(
                        Locale.ROOT,
                        "%-28s %-10s conf %.3f  gt-tokens %3d/%3d (%.2f)  words %4d  %6.0f ms%n",
                        path.getFileName(),
                        variant.getKey(),
                        result.meanConfidence(),
                        found,
                        tokens.size(),
                        recall,
                        result.wordCount(),
                        millis);
                double[] sum = totals.computeIfAbsent(variant.getKey(), k -> new double[4]);
                sum[0] += result.meanConfidence();
                sum[1] += recall;
                sum[2] += millis;
                sum[3]++;
            }
        }
        for (var total : totals.entrySet()) {
            double[] s = total.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "MEAN %-10s conf %.3f  gt-token recall %.3f  %6.0f ms/image%n",
                    total.getKey(),
                    s[0] / s[3],
                    s[1] / s[3],
                    s[2] / s[3]);
        }
    }

    /** Words of at least three characters from the labelled string and amount values. */
    private static List<String> groundTruthTokens(Path image) throws IOException {
        List<String> tokens = new ArrayList<>();
        collect(LabelledImage.fields(image), tokens);
        return tokens;
    }

    private static void collect(JsonNode node, List<String> tokens) {
        if (node.isObject() || node.isArray()) {
            for (JsonNode child : node.values()) {
                collect(child, tokens);
            }
        } else if (node.isNumber()) {
            tokens.add(String.format(Locale.ROOT, "%.2f", node.asDouble()));
        } else if (node.isString() && !node.asString().matches("\\d{4}-\\d{2}-\\d{2}")) {
            for (String word : normalize(node.asString()).split(" ")) {
                if (word.length() >= 3) {
                    tokens.add(word);
                }
            }
        }
    }

    private static String normalize(String text) {
        // Decimal commas and points compare equal: 38,26 and 38.26 are the same amount.
        return text.toLowerCase(Locale.ROOT)
                .replace(',', '.')
                .replaceAll("[^\\p{L}\\p{N}.@+-]+", " ")
                .strip();
    }
}
