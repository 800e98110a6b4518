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

    /** Regions a space apart at most (gap / thickness of the text core) are one line. */
    static final double JOIN_GAP = 1.2;

    /** Regions on one line overlap this much vertically (relative to the thinner one). */
    private static final double SAME_LINE_OVERLAP = 0.6;

    /** Regions of letters more different in height than this are not one line of print. */
    private static final double SIMILAR_HEIGHT = 1.5;

    /** Regions at more different angles than this (radians, about 3°) are not one line. */
    private static final double MAX_JOIN_ANGLE = 0.05;

    private TextRegions() {}

    /** The text boxes in a probability map of {@code width} × {@code height}, row-major. */
    static List<TextBox> find(float[] probability, int width, int height) {
        boolean[] seen = new boolean[probability.length];
        int[] queue = new int[probability.length];
        List<TextBox> cores = new ArrayList<>();
        for (int start = 0; start < probability.length; start++) {
            if (seen[start] || probability[start] <= THRESHOLD) {
                continue;
            }
            int size = flood(probability, width, height, start, seen, queue);
            TextBox box = box(probability, width, queue, size);
            if (box != null) {
                cores.add(box);
            }
        }
        return joinNeighbours(cores).stream()
                .map(box -> box.unclipped(UNCLIP_RATIO))
                .toList();
    }

    /**
     * Joins regions that continue one another on the same line across a gap of about a space.
     * The detector often splits a line at a wide space ("NO 12, JALAN"); read apart, the second
     * part's grown box takes in the edge of the first part's last letter, which the recognizer
     * reads as a character ("0 12,"), and the space between the parts is never read.
     */
    static List<TextBox> joinNeighbours(List<TextBox> boxes) {
        List<TextBox> joined = new ArrayList<>(boxes);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < joined.size() && !changed; i++) {
                for (int j = i + 1; j < joined.size() && !changed; j++) {
                    TextBox merged = join(joined.get(i), joined.get(j));
                    if (merged != null) {
                        joined.set(i, merged);
                        joined.remove(j);
                        changed = true;
                    }
                }
            }
        }
        return joined;
    }

    /** The box around both when they lie on one line a space apart at most, else null. */
    private static TextBox join(TextBox a, TextBox b) {
        TextBox longer = a.length() >= b.length() ? a : b;
        double angle = longer.angle();
        if (Math.abs(a.angle() - b.angle()) > MAX_JOIN_ANGLE) {
            return null;
        }
        double[] ea = extentIn(a, longer);
        double[] eb = extentIn(b, longer);
        double overlap = Math.min(ea[3], eb[3]) - Math.max(ea[2], eb[2]);
        double thinner = Math.min(ea[3] - ea[2], eb[3] - eb[2]);
        double gap = Math.max(ea[0], eb[0]) - Math.min(ea[1], eb[1]);
        double thicker = Math.max(a.thickness(), b.thickness());
        if (overlap < SAME_LINE_OVERLAP * thinner
                || gap > JOIN_GAP * thicker
                || Math.max(a.thickness(), b.thickness()) > SIMILAR_HEIGHT * Math.min(a.thickness(), b.thickness())) {
            return null;
        }
        double minU = Math.min(ea[0], eb[0]);
        double maxU = Math.max(ea[1], eb[1]);
        double minV = Math.min(ea[2], eb[2]);
        double maxV = Math.max(ea[3], eb[3]);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double midU = (minU + maxU) / 2;
        double midV = (minV + maxV) / 2;
        return new TextBox(
                longer.centerX() + midU * cos - midV * sin,
                longer.centerY() + midU * sin + midV * cos,
                maxU - minU,
                maxV - minV,
                angle);
    }

    /** The extent {minU, maxU, minV, maxV} of {@code box} in the frame of {@code frame}. */
    private static double[] extentIn(TextBox box, TextBox frame) {
        double cos = Math.cos(frame.angle());
        double sin = Math.sin(frame.angle());
        double[] extent = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double along : new double[] {0, box.length()}) {
            for (double across : new double[] {0, box.thickness()}) {
                double[] p = box.point(along, across);
                double dx = p[0] - frame.centerX();
                double dy = p[1] - frame.centerY();
                double u = dx * cos + dy * sin;
                double v = -dx * sin + dy * cos;
                extent[0] = Math.min(extent[0], u);
                extent[1] = Math.max(extent[1], u);
                extent[2] = Math.min(extent[2], v);
                extent[3] = Math.max(extent[3], v);
            }
        }
        return extent;
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
