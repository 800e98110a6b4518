package io.docextract.engine.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * Prepares a page image for Tesseract: grayscale, small images scaled up, dark surroundings
 * beyond the paper's edge cleared, uneven lighting and dark backgrounds flattened to white
 * paper, small skew removed. Each step can be switched off so its effect can be measured (see
 * {@code OcrPreprocessingComparison} in the tests).
 *
 * @param upscale scale images narrower than {@link #MIN_WIDTH} so text reaches a size
 *     Tesseract reads well
 * @param clearBorder turn near-black areas that reach the image's edge (the table or scanner
 *     lid around a photographed receipt) white
 * @param flattenBackground divide by a local estimate of the paper's brightness
 * @param deskew rotate by the small angle that makes text rows horizontal
 */
record ScanPreprocessor(boolean upscale, boolean clearBorder, boolean flattenBackground, boolean deskew) {

    /**
     * Upscaling wider images raised Tesseract's confidence but lost ground-truth words on corpus
     * receipts (see the report of OcrPreprocessingComparison): only really small images gain.
     */
    static final int MIN_WIDTH = 600;

    private static final int UPSCALE_TARGET_WIDTH = 1500;

    private static final double MAX_UPSCALE = 3.0;
    private static final int BACKGROUND_CELL = 32;

    /** Side of the squares whose mean decides what is dark surrounding: wider than any stroke. */
    private static final int BORDER_CELL = 8;

    /** A square darker than this share of the paper's brightness is surrounding, not print. */
    private static final double BORDER_DARKNESS = 0.3;

    private static final double MAX_SKEW_DEGREES = 5;
    private static final double SKEW_STEP_DEGREES = 0.25;

    /** Tesseract copes with smaller skews itself; rotating for them only blurs (measured). */
    private static final double MIN_CORRECTED_SKEW_DEGREES = 1.5;

    /**
     * {@code min(255, value * 255 / level)} for every background level and pixel value, indexed
     * {@code level << 8 | value}: a division per pixel was most of the time of the flattening.
     */
    private static final byte[] FLATTENED = new byte[256 * 256];

    static {
        for (int level = 0; level < 256; level++) {
            for (int value = 0; value < 256; value++) {
                FLATTENED[level << 8 | value] = (byte) Math.min(255, value * 255 / Math.max(1, level));
            }
        }
    }

    static ScanPreprocessor standard() {
        return new ScanPreprocessor(true, true, true, true);
    }

    BufferedImage prepare(BufferedImage source) {
        BufferedImage image = grayscale(source);
        if (upscale && image.getWidth() < MIN_WIDTH) {
            double scale = Math.min(MAX_UPSCALE, (double) UPSCALE_TARGET_WIDTH / image.getWidth());
            image = scale(image, scale);
        }
        if (clearBorder) {
            clearDarkBorder(image);
        }
        if (flattenBackground) {
            flattenBackground(image);
        }
        if (deskew) {
            double angle = skewAngle(image);
            if (Math.abs(angle) >= MIN_CORRECTED_SKEW_DEGREES) {
                image = rotate(image, Math.toRadians(angle));
            }
        }
        return image;
    }

    static BufferedImage grayscale(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_BYTE_GRAY
                && source.getRaster().getDataBuffer().getSize() == source.getWidth() * source.getHeight()) {
            return source;
        }
        BufferedImage gray = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            // Transparent pixels become paper, not black.
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, source.getWidth(), source.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return gray;
    }

    /** Bilinear resampling on the raw bytes (Java2D's bicubic path is ~20× slower on gray images). */
    static BufferedImage scale(BufferedImage gray, double scale) {
        int inWidth = gray.getWidth();
        int inHeight = gray.getHeight();
        int width = Math.max(1, (int) Math.round(inWidth * scale));
        int height = Math.max(1, (int) Math.round(inHeight * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] in = pixels(gray);
        byte[] out = pixels(scaled);
        int[] x0 = new int[width];
        int[] wx = new int[width];
        for (int x = 0; x < width; x++) {
            double sx = Math.max(0, Math.min(inWidth - 1, (x + 0.5) / scale - 0.5));
            x0[x] = Math.min(inWidth - 2 < 0 ? 0 : inWidth - 2, (int) sx);
            wx[x] = (int) Math.round((sx - x0[x]) * 256);
        }
        int xStep = inWidth > 1 ? 1 : 0;
        for (int y = 0; y < height; y++) {
            double sy = Math.max(0, Math.min(inHeight - 1, (y + 0.5) / scale - 0.5));
            int y0 = Math.min(inHeight - 2 < 0 ? 0 : inHeight - 2, (int) sy);
            int wy = (int) Math.round((sy - y0) * 256);
            int row0 = y0 * inWidth;
            int row1 = inHeight > 1 ? row0 + inWidth : row0;
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int i = x0[x];
                int a = in[row0 + i] & 0xff;
                int b = in[row0 + i + xStep] & 0xff;
                int c = in[row1 + i] & 0xff;
                int d = in[row1 + i + xStep] & 0xff;
                int top = a * 256 + (b - a) * wx[x];
                int bottom = c * 256 + (d - c) * wx[x];
                out[offset + x] = (byte) ((top * 256 + (bottom - top) * wy + 32768) >> 16);
            }
        }
        return scaled;
    }

    /** Turns the image by {@code radians} about its centre (bilinear), filling corners with white. */
    static BufferedImage rotate(BufferedImage gray, double radians) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        BufferedImage rotated = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] in = pixels(gray);
        byte[] out = pixels(rotated);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double cx = width / 2.0;
        double cy = height / 2.0;
        for (int y = 0; y < height; y++) {
            double dy = y - cy;
            // Source of (x, y) is the inverse rotation; it moves linearly along a row.
            double sx = -cx * cos + dy * sin + cx;
            double sy = cx * sin + dy * cos + cy;
            int offset = y * width;
            for (int x = 0; x < width; x++, sx += cos, sy -= sin) {
                int ix = (int) Math.floor(sx);
                int iy = (int) Math.floor(sy);
                if (ix < 0 || iy < 0 || ix >= width - 1 || iy >= height - 1) {
                    out[offset + x] = (byte) 0xff;
                    continue;
                }
                int fx = (int) ((sx - ix) * 256);
                int fy = (int) ((sy - iy) * 256);
                int p = iy * width + ix;
                int a = in[p] & 0xff;
                int b = in[p + 1] & 0xff;
                int c = in[p + width] & 0xff;
                int d = in[p + width + 1] & 0xff;
                int top = a * 256 + (b - a) * fx;
                int bottom = c * 256 + (d - c) * fx;
                out[offset + x] = (byte) ((top * 256 + (bottom - top) * fy + 32768) >> 16);
            }
        }
        return rotated;
    }

    /**
     * Each pixel takes the darkest value of its 3 × 3 neighbourhood: the dots of dot-matrix print
     * and the broken strokes of a faded thermal receipt join into letters. Only for pages read
     * poorly without it; on clean print it merges neighbouring letters.
     */
    static BufferedImage thickenStrokes(BufferedImage gray) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] in = pixels(gray);
        byte[] rows = new byte[in.length];
        for (int y = 0; y < height; y++) {
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int v = in[offset + x] & 0xff;
                if (x > 0) {
                    v = Math.min(v, in[offset + x - 1] & 0xff);
                }
                if (x < width - 1) {
                    v = Math.min(v, in[offset + x + 1] & 0xff);
                }
                rows[offset + x] = (byte) v;
            }
        }
        BufferedImage thick = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = pixels(thick);
        for (int y = 0; y < height; y++) {
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int v = rows[offset + x] & 0xff;
                if (y > 0) {
                    v = Math.min(v, rows[offset - width + x] & 0xff);
                }
                if (y < height - 1) {
                    v = Math.min(v, rows[offset + width + x] & 0xff);
                }
                out[offset + x] = (byte) v;
            }
        }
        return thick;
    }

    /** Quarter turns clockwise, for pages scanned sideways or upside down. */
    static BufferedImage quarterTurns(BufferedImage gray, int turns) {
        int t = ((turns % 4) + 4) % 4;
        if (t == 0) {
            return gray;
        }
        int width = gray.getWidth();
        int height = gray.getHeight();
        boolean swap = t % 2 == 1;
        BufferedImage turned =
                new BufferedImage(swap ? height : width, swap ? width : height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] in = pixels(gray);
        byte[] out = pixels(turned);
        int outWidth = turned.getWidth();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int nx;
                int ny;
                switch (t) {
                    case 1 -> {
                        nx = height - 1 - y;
                        ny = x;
                    }
                    case 2 -> {
                        nx = width - 1 - x;
                        ny = height - 1 - y;
                    }
                    default -> {
                        nx = y;
                        ny = width - 1 - x;
                    }
                }
                out[ny * outWidth + nx] = in[y * width + x];
            }
        }
        return turned;
    }

    /**
     * Turns white the dark areas joined to the image's edge: squares of {@link #BORDER_CELL}
     * pixels whose mean is below {@link #BORDER_DARKNESS} of the paper's brightness, reached from
     * the edge through such squares. A black table beside a torn thermal receipt otherwise sets
     * Tesseract's global threshold so low that the pale print vanishes (a whole page read as
     * nothing), and the background flattening cannot lift a surrounding that dark. Print stays:
     * its strokes never fill a square, and text inside the paper is not joined to the edge.
     */
    static void clearDarkBorder(BufferedImage gray) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] data = pixels(gray);
        int cellsX = (width + BORDER_CELL - 1) / BORDER_CELL;
        int cellsY = (height + BORDER_CELL - 1) / BORDER_CELL;
        long[] sums = new long[cellsX * cellsY];
        int[] counts = new int[sums.length];
        for (int y = 0; y < height; y++) {
            int row = (y / BORDER_CELL) * cellsX;
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int cell = row + x / BORDER_CELL;
                sums[cell] += data[offset + x] & 0xff;
                counts[cell]++;
            }
        }
        int[] means = new int[sums.length];
        for (int i = 0; i < means.length; i++) {
            means[i] = (int) (sums[i] / counts[i]);
        }
        int[] sorted = means.clone();
        Arrays.sort(sorted);
        int paper = sorted[(int) (sorted.length * 0.9)];
        int dark = (int) (paper * BORDER_DARKNESS);
        boolean[] surrounding = new boolean[means.length];
        int[] queue = new int[means.length];
        int head = 0;
        int tail = 0;
        for (int cy = 0; cy < cellsY; cy++) {
            for (int cx = 0; cx < cellsX; cx++) {
                boolean edge = cx == 0 || cy == 0 || cx == cellsX - 1 || cy == cellsY - 1;
                int cell = cy * cellsX + cx;
                if (edge && means[cell] < dark && !surrounding[cell]) {
                    surrounding[cell] = true;
                    queue[tail++] = cell;
                }
            }
        }
        while (head < tail) {
            int cell = queue[head++];
            int cx = cell % cellsX;
            int cy = cell / cellsX;
            int[] neighbours = {
                cx > 0 ? cell - 1 : -1,
                cx < cellsX - 1 ? cell + 1 : -1,
                cy > 0 ? cell - cellsX : -1,
                cy < cellsY - 1 ? cell + cellsX : -1
            };
            for (int next : neighbours) {
                if (next >= 0 && !surrounding[next] && means[next] < dark) {
                    surrounding[next] = true;
                    queue[tail++] = next;
                }
            }
        }
        if (tail == 0) {
            return;
        }
        // The surrounding's ragged edge runs through the squares beside it: their dark pixels go
        // too, or that thin black line alone still drags Tesseract's threshold below the print.
        boolean[] beside = new boolean[means.length];
        for (int cell = 0; cell < means.length; cell++) {
            int cx = cell % cellsX;
            int cy = cell / cellsX;
            for (int dy = -1; dy <= 1 && !beside[cell]; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = cx + dx;
                    int ny = cy + dy;
                    if (nx >= 0 && ny >= 0 && nx < cellsX && ny < cellsY && surrounding[ny * cellsX + nx]) {
                        beside[cell] = true;
                        break;
                    }
                }
            }
        }
        for (int y = 0; y < height; y++) {
            int row = (y / BORDER_CELL) * cellsX;
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int cell = row + x / BORDER_CELL;
                if (surrounding[cell] || beside[cell] && (data[offset + x] & 0xff) < dark) {
                    data[offset + x] = (byte) 0xff;
                }
            }
        }
    }

    /**
     * Divides every pixel by the brightest level around it, so paper becomes white whatever the
     * lighting, and a dark table around a photographed receipt fades instead of swallowing the
     * text when Tesseract binarizes.
     */
    static void flattenBackground(BufferedImage gray) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] data = pixels(gray);
        int cellsX = (width + BACKGROUND_CELL - 1) / BACKGROUND_CELL;
        int cellsY = (height + BACKGROUND_CELL - 1) / BACKGROUND_CELL;
        int[] cellMax = new int[cellsX * cellsY];
        for (int y = 0; y < height; y++) {
            int row = (y / BACKGROUND_CELL) * cellsX;
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int v = data[offset + x] & 0xff;
                int cell = row + x / BACKGROUND_CELL;
                if (v > cellMax[cell]) {
                    cellMax[cell] = v;
                }
            }
        }
        // A cell filled by a large dark glyph or a logo takes the paper level of its neighbours.
        int[] background = new int[cellMax.length];
        for (int cy = 0; cy < cellsY; cy++) {
            for (int cx = 0; cx < cellsX; cx++) {
                int best = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = cx + dx;
                        int ny = cy + dy;
                        if (nx >= 0 && ny >= 0 && nx < cellsX && ny < cellsY) {
                            best = Math.max(best, cellMax[ny * cellsX + nx]);
                        }
                    }
                }
                background[cy * cellsX + cx] = Math.max(best, 48);
            }
        }
        int[] cx0 = new int[width];
        int[] cx1 = new int[width];
        int[] cwx = new int[width];
        for (int x = 0; x < width; x++) {
            double fx = Math.max(0, Math.min(cellsX - 1, (x + 0.5) / BACKGROUND_CELL - 0.5));
            cx0[x] = (int) fx;
            cx1[x] = Math.min(cellsX - 1, cx0[x] + 1);
            cwx[x] = (int) Math.round((fx - cx0[x]) * 256);
        }
        int[] rowLevel = new int[cellsX];
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, Math.min(cellsY - 1, (y + 0.5) / BACKGROUND_CELL - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(cellsY - 1, y0 + 1);
            int wy = (int) Math.round((fy - y0) * 256);
            for (int cx = 0; cx < cellsX; cx++) {
                rowLevel[cx] = background[y0 * cellsX + cx] * (256 - wy) + background[y1 * cellsX + cx] * wy;
            }
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int w = cwx[x];
                int level = (rowLevel[cx0[x]] * (256 - w) + rowLevel[cx1[x]] * w) >> 16;
                data[offset + x] = FLATTENED[level << 8 | (data[offset + x] & 0xff)];
            }
        }
    }

    /**
     * The rotation in degrees (Java2D sense: positive turns clockwise on screen) that makes text
     * rows horizontal, found by making the ink's row profile of a small binarized copy as sharp
     * as possible over candidate angles.
     */
    static double skewAngle(BufferedImage gray) {
        double shrink = Math.min(1.0, 800.0 / gray.getWidth());
        BufferedImage small = shrink < 1 ? scale(gray, shrink) : gray;
        int width = small.getWidth();
        int height = small.getHeight();
        byte[] data = pixels(small);
        int threshold = otsu(data);
        int inkCount = 0;
        int[] inkX = new int[data.length];
        int[] inkY = new int[data.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((data[y * width + x] & 0xff) < threshold) {
                    inkX[inkCount] = x;
                    inkY[inkCount] = y;
                    inkCount++;
                }
            }
        }
        if (inkCount < 100) {
            return 0;
        }
        double bestAngle = 0;
        double bestScore = -1;
        int margin = width;
        int[] rows = new int[height + 2 * margin];
        for (double angle = -MAX_SKEW_DEGREES; angle <= MAX_SKEW_DEGREES + 1e-9; angle += SKEW_STEP_DEGREES) {
            double tan = Math.tan(Math.toRadians(angle));
            Arrays.fill(rows, 0);
            for (int i = 0; i < inkCount; i++) {
                int row = (int) Math.round(inkY[i] + inkX[i] * tan) + margin;
                if (row >= 0 && row < rows.length) {
                    rows[row]++;
                }
            }
            double score = 0;
            for (int i = 1; i < rows.length; i++) {
                double d = rows[i] - rows[i - 1];
                score += d * d;
            }
            // Prefer no rotation on ties: rotating blurs the image slightly.
            if (score > bestScore * 1.02 || (Math.abs(angle) < 1e-9 && score >= bestScore * 0.98)) {
                bestScore = score;
                bestAngle = angle;
            }
        }
        return bestAngle;
    }

    private static int otsu(byte[] data) {
        long[] histogram = new long[256];
        for (byte b : data) {
            histogram[b & 0xff]++;
        }
        long total = data.length;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * histogram[i];
        }
        double sumBackground = 0;
        long weightBackground = 0;
        double bestVariance = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            weightBackground += histogram[t];
            if (weightBackground == 0) {
                continue;
            }
            long weightForeground = total - weightBackground;
            if (weightForeground == 0) {
                break;
            }
            sumBackground += (double) t * histogram[t];
            double meanBackground = sumBackground / weightBackground;
            double meanForeground = (sum - sumBackground) / weightForeground;
            double variance =
                    (double) weightBackground * weightForeground * Math.pow(meanBackground - meanForeground, 2);
            if (variance > bestVariance) {
                bestVariance = variance;
                threshold = t;
            }
        }
        return threshold;
    }

    static byte[] pixels(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }
}
