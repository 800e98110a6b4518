package io.docextract.engine.document;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * The PP-OCRv4 CTC text recognizer: one detected line, cut out along its box and scaled to 48
 * pixels high, gives a class per time step over the character list (blank first, space last);
 * the decoded characters are split into words at spaces, each word boxed by the time steps its
 * characters came from. Thread-safe (ONNX Runtime sessions may run concurrently).
 */
final class TextRecognizer {

    /** The recognizer's input height. */
    static final int HEIGHT = 48;

    /**
     * Narrower crops are padded to this width, as PaddleOCR does (its 3 × 48 × 320 input shape):
     * the model was trained on that shape.
     */
    private static final int MIN_WIDTH = 320;

    /** Longer crops are squeezed to this width; no printed line needs more. */
    private static final int MAX_WIDTH = 48 * 40;

    /** Blue, green, red from a packed RGB pixel: PaddleOCR feeds OpenCV's BGR planes. */
    private static final int[] SHIFTS = {0, 8, 16};

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final List<String> characters;

    /**
     * @param characters the model's classes after the blank: the dictionary's lines and a space
     */
    TextRecognizer(OrtEnvironment environment, OrtSession session, List<String> characters) {
        this.environment = environment;
        this.session = session;
        this.characters = List.copyOf(characters);
    }

    /** Reads one line: its decoded symbols and where they lie along the box. */
    LineReading read(RgbImage image, TextBox box) throws OrtException {
        int width = (int) Math.max(8, Math.min(MAX_WIDTH, Math.round(HEIGHT * box.length() / box.thickness())));
        int padded = Math.max(width, MIN_WIDTH);
        float[] data = crop(image, box, width, padded);
        float[] scores;
        long[] shape;
        try (OnnxTensor tensor = OnnxTensor.createTensor(
                        environment, FloatBuffer.wrap(data), new long[] {1, 3, HEIGHT, padded});
                OrtSession.Result result =
                        session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            shape = output.getInfo().getShape();
            FloatBuffer buffer = output.getFloatBuffer();
            scores = new float[buffer.remaining()];
            buffer.get(scores);
        }
        int steps = (int) shape[1];
        int classes = (int) shape[2];
        List<CtcDecoder.Symbol> symbols = CtcDecoder.greedy(scores, 0, steps, classes, classes - 1);
        // Time step t covers input columns t·s … (t+1)·s; the crop spans `width` of them.
        double stepLength = (double) padded / steps * box.length() / width;
        List<String> text =
                symbols.stream().map(symbol -> character(symbol.index())).toList();
        return new LineReading(box, symbols, text, stepLength);
    }

    /** The line's pixels along its box, scaled to 48 high and padded, normalized to −1 … 1. */
    private static float[] crop(RgbImage image, TextBox box, int width, int padded) {
        int plane = HEIGHT * padded;
        float[] data = new float[3 * plane];
        double stepAlong = box.length() / width;
        double stepAcross = box.thickness() / HEIGHT;
        // Average a few samples per output pixel when shrinking, so thin strokes are not skipped.
        int samplesAlong = (int) Math.max(1, Math.ceil(stepAlong));
        int samplesAcross = (int) Math.max(1, Math.ceil(stepAcross));
        double[] sum = new double[3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < width; x++) {
                sum[0] = sum[1] = sum[2] = 0;
                for (int sy = 0; sy < samplesAcross; sy++) {
                    double across = (y + (sy + 0.5) / samplesAcross) * stepAcross;
                    for (int sx = 0; sx < samplesAlong; sx++) {
                        double along = (x + (sx + 0.5) / samplesAlong) * stepAlong;
                        double[] p = box.point(along, across);
                        for (int c = 0; c < 3; c++) {
                            sum[c] += image.sample(p[0], p[1], SHIFTS[c]);
                        }
                    }
                }
                int samples = samplesAlong * samplesAcross;
                for (int c = 0; c < 3; c++) {
                    data[c * plane + y * padded + x] = (float) (sum[c] / samples / 127.5 - 1);
                }
            }
        }
        return data;
    }

    private String character(int index) {
        return index - 1 < characters.size() ? characters.get(index - 1) : " ";
    }
}
