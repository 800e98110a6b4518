package io.docextract.engine.document;

import io.docextract.engine.layout.Box;

/**
 * An oriented rectangle around one line of text found by {@link TextRegions}, in pixels of the
 * image it was found on: its center, its extent along the text ({@code length}) and across it
 * ({@code thickness}), and the angle of the text direction (radians, clockwise from the x axis
 * since y runs down).
 */
record TextBox(double centerX, double centerY, double length, double thickness, double angle) {

    /**
     * The box grown on every side by area × ratio / perimeter, as the DB detector's training
     * labels were shrunk by that much: the probability map marks only the core of each text line.
     */
    TextBox unclipped(double ratio) {
        double distance = length * thickness * ratio / (2 * (length + thickness));
        return new TextBox(centerX, centerY, length + 2 * distance, thickness + 2 * distance, angle);
    }

    /** The same box on the image scaled by {@code fx} horizontally and {@code fy} vertically. */
    TextBox scaled(double fx, double fy) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return new TextBox(
                centerX * fx,
                centerY * fy,
                length * Math.hypot(fx * cos, fy * sin),
                thickness * Math.hypot(fx * sin, fy * cos),
                Math.atan2(fy * sin, fx * cos));
    }

    /**
     * The image point at {@code along} pixels from the box's start along the text and
     * {@code across} pixels down from its top edge, as {x, y}.
     */
    double[] point(double along, double across) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double u = along - length / 2;
        double v = across - thickness / 2;
        return new double[] {centerX + u * cos - v * sin, centerY + u * sin + v * cos};
    }

    /**
     * The axis-aligned bounds, normalized to an image of the given size, of the part of the box
     * from {@code from} to {@code to} along the text.
     */
    Box bounds(double from, double to, int width, int height) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double along : new double[] {from, to}) {
            for (double across : new double[] {0, thickness}) {
                double[] p = point(along, across);
                minX = Math.min(minX, p[0]);
                minY = Math.min(minY, p[1]);
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        return new Box(clamp(minX / width), clamp(minY / height), clamp(maxX / width), clamp(maxY / height));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
