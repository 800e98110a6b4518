package io.docextract.engine.layout;

/** A rectangle normalized to its page: 0–1 on both axes, origin top-left. */
public record Box(double x0, double y0, double x1, double y1) {

    public static Box union(Box a, Box b) {
        return new Box(Math.min(a.x0, b.x0), Math.min(a.y0, b.y0), Math.max(a.x1, b.x1), Math.max(a.y1, b.y1));
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    public double centerX() {
        return (x0 + x1) / 2;
    }

    public double centerY() {
        return (y0 + y1) / 2;
    }

    /** Overlap of the vertical extents, relative to the smaller height (0 = none, 1 = full). */
    public double verticalOverlap(Box other) {
        double overlap = Math.min(y1, other.y1) - Math.max(y0, other.y0);
        double smaller = Math.min(height(), other.height());
        return smaller <= 0 ? 0 : Math.max(0, overlap) / smaller;
    }

    /** Overlap of the horizontal extents, relative to the smaller width (0 = none, 1 = full). */
    public double horizontalOverlap(Box other) {
        double overlap = Math.min(x1, other.x1) - Math.max(x0, other.x0);
        double smaller = Math.min(width(), other.width());
        return smaller <= 0 ? 0 : Math.max(0, overlap) / smaller;
    }
}
