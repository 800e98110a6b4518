package io.docextract.engine.document;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * The PP-OCRv4 DB text detector: the page, scaled to a multiple of 32 pixels on each side and
 * normalized as in training, gives a text probability per pixel; {@link TextRegions} turns it into line boxes.
 * Thread-safe (ONNX Runtime sessions may run concurrently).
 */
final class TextDetector {

    /** PaddleOCR normalizes OpenCV's BGR planes with ImageNet's RGB figures in that order. */
    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};

    private static final float[] DEVIATION = {0.229f, 0.224f, 0.225f};

    /** Blue, green, red from a packed RGB pixel. */
    private static final int[] SHIFTS = {0, 8, 16};

    private final OrtEnvironment environment;
    private final OrtSession session;

    TextDetector(OrtEnvironment environment, OrtSession session) {
        this.environment = environment;
        this.session = session;
    }

    /** The text lines on the image, in its pixels. */
    List<TextBox> detect(RgbImage image) throws OrtException {
        int w = Math.max(32, (int) Math.round(image.width() / 32.0) * 32);
        int h = Math.max(32, (int) Math.round(image.height() / 32.0) * 32);
        RgbImage input = image.resized(w, h);
        int plane = w * h;
        float[] data = new float[3 * plane];
        int[] pixels = input.pixels();
        for (int c = 0; c < 3; c++) {
            float mean = MEAN[c];
            float scale = 1f / (255f * DEVIATION[c]);
            float offset = mean / DEVIATION[c];
            int shift = SHIFTS[c];
            for (int i = 0; i < plane; i++) {
                data[c * plane + i] = ((pixels[i] >> shift) & 0xFF) * scale - offset;
            }
        }
        float[] probability = new float[plane];
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(data), new long[] {1, 3, h, w});
                OrtSession.Result result =
                        session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            ((OnnxTensor) result.get(0)).getFloatBuffer().get(probability);
        }
        double fx = (double) image.width() / w;
        double fy = (double) image.height() / h;
        return TextRegions.find(probability, w, h).stream()
                .map(box -> box.scaled(fx, fy))
                .toList();
    }
}
