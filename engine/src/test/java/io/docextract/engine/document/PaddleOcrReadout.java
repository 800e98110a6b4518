package io.docextract.engine.document;

import io.docextract.engine.layout.Word;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads images with {@link PaddleOcr} once and writes, for each spacing variant (space-class
 * probability between characters / after punctuation, see {@link LineReading#words}) and each
 * image, the text of each line and the thread CPU time of the reading as JSON
 * ({@code {"0.02/0.01": {"file": {"lines": [...], "cpu_ms": n, "ms": n}}}}), saved after every
 * image; not a test. The pages are read as they are (not straightened). The whole-value counts
 * in docs/extraction.md ("PP-OCR") were counted from its output as {@link OcrOptionComparison}
 * counts.
 *
 * <pre>
 * java -cp ... io.docextract.engine.document.PaddleOcrReadout MODEL_DIR OUT.json IMAGE...
 * </pre>
 */
public final class PaddleOcrReadout {

    private PaddleOcrReadout() {}

    public static void main(String[] args) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        List<String> variants = new ArrayList<>();
        for (double space : new double[] {1.1, 0.005, 0.01, 0.015, 0.02, 0.03}) {
            for (double punctuation : new double[] {0.001, 0.003, 0.005, 0.01, 0.02}) {
                variants.add(space + "/" + punctuation);
                out.putObject(space + "/" + punctuation);
            }
        }
        try (PaddleOcr ocr = PaddleOcr.load(Path.of(args[0])).orElseThrow()) {
            for (String file : List.of(args).subList(2, args.length)) {
                BufferedImage image = ImageIO.read(Path.of(file).toFile());
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                RgbImage page = RgbImage.of(image, PaddleOcr.MAX_SIDE);
                List<LineReading> readings = ocr.readLines(page, Deadline.after(Duration.ofMinutes(5)));
                long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
                long wallMs = (System.nanoTime() - wall) / 1_000_000;
                for (String variant : variants) {
                    float space = Float.parseFloat(variant.split("/")[0]);
                    float punctuation = Float.parseFloat(variant.split("/")[1]);
                    List<Word> words = new ArrayList<>();
                    for (LineReading line : readings) {
                        if (line.confidence() >= 0.5) {
                            words.addAll(line.words(page.width(), page.height(), space, punctuation));
                        }
                    }
                    ObjectNode entry = ((ObjectNode) out.get(variant))
                            .putObject(Path.of(file).getFileName().toString());
                    LineGrouper.group(words)
                            .forEach(line -> entry.withArray("lines").add(line.text()));
                    entry.put("cpu_ms", cpuMs);
                    entry.put("ms", wallMs);
                }
                save(json, out, args[1]);
                System.err.printf("%s %d ms cpu, %d ms wall, %d lines%n", file, cpuMs, wallMs, readings.size());
            }
        } catch (ai.onnxruntime.OrtException e) {
            throw new IOException(e);
        }
        Files.writeString(Path.of(args[1]), json.writeValueAsString(out));
    }

    private static void save(ObjectMapper json, ObjectNode out, String file) throws IOException {
        Files.writeString(Path.of(file), json.writeValueAsString(out));
    }
}
