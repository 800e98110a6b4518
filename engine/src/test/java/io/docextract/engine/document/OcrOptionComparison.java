package io.docextract.engine.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/**
 * Measures Tesseract options on labelled scans; not a test (JUnit does not pick it up). Each image
 * is prepared as the engine prepares it ({@link ScanPreprocessor#standard()}) and read once per
 * variant; for every text field of the ground truth it counts whether the whole labelled value,
 * compared as the evaluation compares text (case folded, whitespace collapsed), occurs in the
 * OCR text with lines joined by spaces, and whether it occurs when spaces are ignored (letters
 * right, spacing wrong). A field value that OCR did not read whole cannot be extracted exactly.
 *
 * <pre>
 * java -cp engine/target/test-classes:engine/target/classes:$(cat /tmp/cp.txt) \
 *     io.docextract.engine.document.OcrOptionComparison 'eng --psm 3' 'eng --psm 4' -- IMAGE...
 * </pre>
 *
 * A variant is the {@code -l} languages followed by further Tesseract arguments. Labels come from
 * the {@code ground_truth.jsonl} of the folder above each image, as in the shared corpus.
 */
public final class OcrOptionComparison {

    private OcrOptionComparison() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int split = List.of(args).indexOf("--");
        List<String> variants = List.of(args).subList(0, split);
        List<String> images = List.of(args).subList(split + 1, args.length);
        int[][] found = new int[variants.size()][2];
        int values = 0;
        for (String file : images) {
            Path path = Path.of(file);
            List<String> labels = textLabels(path);
            BufferedImage prepared = ScanPreprocessor.standard().prepare(ImageIO.read(path.toFile()));
            values += labels.size();
            for (int v = 0; v < variants.size(); v++) {
                String text = normalize(String.join(" ", read(prepared, variants.get(v))));
                String compact = text.replace(" ", "");
                for (String label : labels) {
                    found[v][0] += text.contains(label) ? 1 : 0;
                    found[v][1] += compact.contains(label.replace(" ", "")) ? 1 : 0;
                }
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-40s whole values read %d/%d (%.3f), ignoring spaces %d (%.3f)%n",
                    variants.get(v),
                    found[v][0],
                    values,
                    (double) found[v][0] / values,
                    found[v][1],
                    (double) found[v][1] / values);
        }
    }

    /** The text of each line Tesseract read, in its own order. */
    private static List<String> read(BufferedImage gray, String variant) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tesseract", "stdin", "stdout", "--dpi", "300", "-l"));
        command.addAll(List.of(variant.split(" ")));
        command.add("tsv");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(("P5\n" + gray.getWidth() + " " + gray.getHeight() + "\n255\n")
                    .getBytes(StandardCharsets.US_ASCII));
            in.write(ScanPreprocessor.pixels(gray), 0, gray.getWidth() * gray.getHeight());
        }
        String tsv = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Map<String, List<String>> lines = new java.util.LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length >= 12 && cells[0].equals("5") && !cells[11].isBlank()) {
                lines.computeIfAbsent(String.join("/", List.of(cells).subList(1, 5)), k -> new ArrayList<>())
                        .add(cells[11].strip());
            }
        }
        return lines.values().stream().map(words -> String.join(" ", words)).toList();
    }

    /** The labelled text values (not dates, amounts or numbers) of the image, normalized. */
    private static List<String> textLabels(Path image) throws IOException {
        List<String> labels = new ArrayList<>();
        for (JsonNode value : LabelledImage.fields(image).values()) {
            if (value.isString() && !value.asString().matches("\\d{4}-\\d{2}-\\d{2}")) {
                labels.add(normalize(value.asString()));
            }
        }
        return labels;
    }

    private static String normalize(String text) {
        return String.join(
                        " ",
                        Normalizer.normalize(text, Normalizer.Form.NFKC)
                                .toLowerCase(Locale.ROOT)
                                .split("\\s+"))
                .strip();
    }
}
