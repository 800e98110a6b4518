package io.docextract.engine.fields;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * A conditional logit over {@link Feature}s: each candidate of a field gets a linear score, and
 * the probability that candidate {@code i} is the field's value is {@code exp(s_i) / (1 + Σ
 * exp(s_j))}, the 1 standing for "none of them". One weight vector per {@link FieldKind}, fitted
 * on the labelled corpus by {@code ScoringModelFit} (test sources) and shipped as {@code
 * model/weights.tsv}; a kind without fitted weights uses the weights pooled over all kinds.
 */
final class ScoringModel {

    static final String RESOURCE = "/model/weights.tsv";
    static final String POOLED = "ALL";

    private final Map<FieldKind, double[]> weights;
    private final double[] pooled;

    ScoringModel(Map<FieldKind, double[]> weights, double[] pooled) {
        this.weights = new EnumMap<>(FieldKind.class);
        this.weights.putAll(weights);
        this.pooled = pooled;
    }

    static ScoringModel builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final ScoringModel BUILT_IN = load();
    }

    /** The linear score of one candidate. */
    double logit(FieldKind kind, double[] x) {
        double[] w = weights.getOrDefault(kind, pooled);
        double z = 0;
        for (int i = 0; i < x.length && i < w.length; i++) {
            z += w[i] * x[i];
        }
        return z;
    }

    /** Probabilities of each candidate against each other and against "none of them". */
    static double[] choiceProbabilities(double[] logits) {
        double max = 0;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = Math.exp(-max);
        double[] p = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    Map<FieldKind, double[]> weights() {
        return weights;
    }

    double[] pooled() {
        return pooled;
    }

    private static ScoringModel load() {
        Map<FieldKind, double[]> weights = new EnumMap<>(FieldKind.class);
        double[] pooled = prior();
        try (InputStream in = ScoringModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new ScoringModel(weights, pooled);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            double[] fittedPooled = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                Feature feature;
                try {
                    feature = Feature.valueOf(parts[1]);
                } catch (IllegalArgumentException e) {
                    continue; // a feature retired since the fit: its weight no longer applies
                }
                double value = Double.parseDouble(parts[2]);
                if (parts[0].equals(POOLED)) {
                    if (fittedPooled == null) {
                        fittedPooled = new double[Feature.values().length];
                    }
                    fittedPooled[feature.ordinal()] = value;
                } else {
                    weights.computeIfAbsent(FieldKind.valueOf(parts[0]), k -> new double[Feature.values().length])[
                            feature.ordinal()] = value;
                }
            }
            return new ScoringModel(weights, fittedPooled != null ? fittedPooled : pooled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Weights for an engine that has never been fitted (a fresh checkout before the fitting
     * program ran): a label naming the field is what matters. Never used once weights.tsv exists.
     */
    static double[] prior() {
        double[] w = new double[Feature.values().length];
        w[Feature.BIAS.ordinal()] = -3;
        w[Feature.LEFT_LABEL_SIM.ordinal()] = 4;
        w[Feature.LEFT_LABEL_TOP.ordinal()] = 1;
        w[Feature.ABOVE_LABEL_SIM.ordinal()] = 3;
        w[Feature.LABEL_LEXICAL.ordinal()] = 2;
        w[Feature.QUALITY.ordinal()] = 1;
        w[Feature.LABEL_NEGATED.ordinal()] = -3;
        w[Feature.OWN_TEXT_IS_LABEL.ordinal()] = -2;
        return w;
    }
}
