package io.docextract.engine.fields;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the model score of a picked value into the probability that it is right: a
 * non-decreasing piecewise-linear map per {@link FieldKind} (isotonic regression fitted on
 * out-of-fold picks, grouped by document source), shipped as {@code model/calibration.tsv}.
 */
final class Calibration {

    static final String RESOURCE = "/model/calibration.tsv";

    /** Knots of one map: scores ascending, probabilities non-decreasing. */
    record Curve(double[] scores, double[] probabilities) {

        double apply(double score) {
            if (scores.length == 0) {
                return 0;
            }
            if (score <= scores[0]) {
                return probabilities[0];
            }
            for (int i = 1; i < scores.length; i++) {
                if (score <= scores[i]) {
                    double span = scores[i] - scores[i - 1];
                    double t = span <= 0 ? 1 : (score - scores[i - 1]) / span;
                    return probabilities[i - 1] + t * (probabilities[i] - probabilities[i - 1]);
                }
            }
            return probabilities[probabilities.length - 1];
        }
    }

    static final String CELL = "CELL";

    private final Map<FieldKind, Curve> curves;
    private final Curve pooled;
    private final Curve cells;

    Calibration(Map<FieldKind, Curve> curves, Curve pooled, Curve cells) {
        this.curves = new EnumMap<>(FieldKind.class);
        this.curves.putAll(curves);
        this.pooled = pooled;
        this.cells = cells;
    }

    /** The probability that a table cell with this cell score is right. */
    double cellConfidence(double score) {
        double p = cells == null ? 0.8 * score : cells.apply(score);
        return Math.max(0, Math.min(0.995, p));
    }

    static Calibration builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final Calibration BUILT_IN = load();
    }

    /** The probability that a value of this kind picked with this model score is right. */
    double confidence(FieldKind kind, double score) {
        Curve curve = curves.getOrDefault(kind, pooled);
        double p = curve == null ? 0.8 * score : curve.apply(score);
        // A fitted bin can be all-right on a small sample; the API promises a probability, not certainty.
        return Math.max(0, Math.min(0.995, p));
    }

    private static Calibration load() {
        Map<String, List<double[]>> knots = new java.util.LinkedHashMap<>();
        try (InputStream in = Calibration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new Calibration(Map.of(), null, null);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                knots.computeIfAbsent(parts[0], k -> new ArrayList<>())
                        .add(new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<FieldKind, Curve> curves = new EnumMap<>(FieldKind.class);
        Curve pooled = null;
        Curve cells = null;
        for (Map.Entry<String, List<double[]>> e : knots.entrySet()) {
            Curve curve = curve(e.getValue());
            if (e.getKey().equals(ScoringModel.POOLED)) {
                pooled = curve;
            } else if (e.getKey().equals(CELL)) {
                cells = curve;
            } else {
                curves.put(FieldKind.valueOf(e.getKey()), curve);
            }
        }
        return new Calibration(curves, pooled, cells);
    }

    static Curve curve(List<double[]> points) {
        double[] s = new double[points.size()];
        double[] p = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            s[i] = points.get(i)[0];
            p[i] = points.get(i)[1];
        }
        return new Curve(s, p);
    }
}
