package io.docextract.engine.document;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A page as packed RGB pixels ({@code 0xRRGGBB}, row-major), the form the PP-OCR models'
 * inputs are filled from.
 */
record RgbImage(int[] pixels, int width, int height) {

    /** The image scaled down so its longer side is at most {@code maxSide} pixels. */
    static RgbImage of(BufferedImage image, int maxSide) {
        BufferedImage scaled = image;
        int longer = Math.max(image.getWidth(), image.getHeight());
        if (longer > maxSide) {
            // Halving first, then one bilinear step: a single bilinear step from far above
            // skips pixels and breaks thin strokes.
            while (Math.max(scaled.getWidth(), scaled.getHeight()) > 2 * maxSide) {
                scaled = resize(scaled, scaled.getWidth() / 2, scaled.getHeight() / 2);
            }
            double factor = (double) maxSide / Math.max(scaled.getWidth(), scaled.getHeight());
            scaled = resize(scaled, Math.max(1, (int) Math.round(scaled.getWidth() * factor)), Math.max(1, (int)
                    Math.round(scaled.getHeight() * factor)));
        }
        int w = scaled.getWidth();
        int h = scaled.getHeight();
        return new RgbImage(scaled.getRGB(0, 0, w, h, null, 0, w), w, h);
    }

    /** This image resized to exactly {@code w} × {@code h} (bilinear). */
    RgbImage resized(int w, int h) {
        BufferedImage source = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, width, height, pixels, 0, width);
        BufferedImage target = resize(source, w, h);
        return new RgbImage(target.getRGB(0, 0, w, h, null, 0, w), w, h);
    }

    /**
     * The bilinearly interpolated value of one channel ({@code shift} 16 red, 8 green, 0 blue)
     * at a point, with edge pixels repeated outside the image.
     */
    double sample(double x, double y, int shift) {
        double fx = x - 0.5;
        double fy = y - 0.5;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double ax = fx - x0;
        double ay = fy - y0;
        double top = (1 - ax) * channel(x0, y0, shift) + ax * channel(x0 + 1, y0, shift);
        double bottom = (1 - ax) * channel(x0, y0 + 1, shift) + ax * channel(x0 + 1, y0 + 1, shift);
        return (1 - ay) * top + ay * bottom;
    }

    private int channel(int x, int y, int shift) {
        int cx = Math.max(0, Math.min(width - 1, x));
        int cy = Math.max(0, Math.min(height - 1, y));
        return (pixels[cy * width + cx] >> shift) & 0xFF;
    }

    private static BufferedImage resize(BufferedImage source, int w, int h) {
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
