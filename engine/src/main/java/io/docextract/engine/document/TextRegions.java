package io.docextract.engine.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The post-processing of a DB (differentiable binarization) text detector: the probability map
 * is thresholded, each 8-connected region becomes an oriented rectangle along its principal axis,
 * regions that are too small or too unsure are dropped, and the rest are grown back to the size
 * of the printed text ({@link TextBox#unclipped}). Plain Java instead of OpenCV's contours and
 * minimum-area rectangles: the regions are solid blobs, so their moments give the same boxes.
 */
final class TextRegions {

    /** A pixel whose text probability is above this belongs to a text region (PaddleOCR's 0.3). */
    static final float THRESHOLD = 0.3f;

    /** Regions whose mean probability is below this are noise (PaddleOCR's box threshold 0.6). */
    static final double MIN_SCORE = 0.6;

    /** PaddleOCR's unclip ratio for PP-OCR detection models. */
    static final double UNCLIP_RATIO = 1.5;

    /** Regions thinner than this (pixels, before growing) are specks and rules. */
    private static final double MIN_THICKNESS = 3;

    /**
     * A region shorter than this many times its thickness (one or two characters) has no reliable
     * principal axis; it is boxed upright, as nearly all printed text is.
     */
    private static final double ELONGATED = 2.0;

    private TextRegions() {}

    /** The text boxes in a probability map of {@code width} × {@code height}, row-major. */
    static List<TextBox> find(float[] probability, int width, int height) {
        boolean[] seen = new boolean[probability.length];
        int[] queue = new int[probability.length];
        List<TextBox> boxes = new ArrayList<>();
        for (int start = 0; start < probability.length; start++) {
            if (seen[start] || probability[start] <= THRESHOLD) {
                continue;
            }
            int size = flood(probability, width, height, start, seen, queue);
            TextBox box = box(probability, width, queue, size);
            if (box != null) {
                boxes.add(box.unclipped(UNCLIP_RATIO));
            }
        }
        return boxes;
    }

    /** Collects the region of {@code start} into {@code queue}; returns its pixel count. */
    private static int flood(float[] probability, int width, int height, int start, boolean[] seen, int[] queue) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seen[start] = true;
        while (head < tail) {
            int index = queue[head++];
            int x = index % width;
            int y = index / width;
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= height) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    if (nx < 0 || nx >= width) {
                        continue;
                    }
                    int next = ny * width + nx;
                    if (!seen[next] && probability[next] > THRESHOLD) {
                        seen[next] = true;
                        queue[tail++] = next;
                    }
                }
            }
        }
        return tail;
    }

    /** The oriented box of one region, or null when it is too thin or too unsure. */
    private static TextBox box(float[] probability, int width, int[] pixels, int size) {
        if (size < MIN_THICKNESS * MIN_THICKNESS) {
            return null;
        }
        double sumX = 0;
        double sumY = 0;
        double score = 0;
        for (int i = 0; i < size; i++) {
            sumX += pixels[i] % width;
            sumY += pixels[i] / width;
            score += probability[pixels[i]];
        }
        if (score / size < MIN_SCORE) {
            return null;
        }
        double meanX = sumX / size;
        double meanY = sumY / size;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < size; i++) {
            double dx = pixels[i] % width - meanX;
            double dy = pixels[i] / width - meanY;
            xx += dx * dx;
            yy += dy * dy;
            xy += dx * dy;
        }
        double angle = 0.5 * Math.atan2(2 * xy, xx - yy);
        TextBox oriented = extent(width, pixels, size, meanX, meanY, angle);
        if (Math.abs(angle) > Math.PI / 4 || oriented.length() < ELONGATED * oriented.thickness()) {
            oriented = extent(width, pixels, size, meanX, meanY, 0);
        }
        return oriented.thickness() < MIN_THICKNESS ? null : oriented;
    }

    /** The smallest box at {@code angle} that holds every pixel of the region. */
    private static TextBox extent(int width, int[] pixels, int size, double meanX, double meanY, double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double minU = Double.MAX_VALUE;
        double maxU = -Double.MAX_VALUE;
        double minV = Double.MAX_VALUE;
        double maxV = -Double.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            double dx = pixels[i] % width - meanX;
            double dy = pixels[i] / width - meanY;
            double u = dx * cos + dy * sin;
            double v = -dx * sin + dy * cos;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        // Pixel centers span one pixel less than the pixels themselves.
        double length = maxU - minU + 1;
        double thickness = maxV - minV + 1;
        double midU = (minU + maxU) / 2;
        double midV = (minV + maxV) / 2;
        // Pixel (x, y) covers x..x+1, so the region's center is half a pixel further.
        double centerX = meanX + 0.5 + midU * cos - midV * sin;
        double centerY = meanY + 0.5 + midU * sin + midV * cos;
        return new TextBox(centerX, centerY, length, thickness, angle);
    }
}
