package io.docextract.engine.fields;

import io.docextract.engine.DefaultExtractionEngine;
import io.docextract.engine.ExtractionResult;
import io.docextract.engine.FieldSpec;
import io.docextract.engine.FieldType;
import io.docextract.engine.layout.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fits the scoring model and its calibration on the labelled corpus and writes them to the
 * engine's resources:
 *
 * <ol>
 *   <li>runs candidate generation and feature extraction for every labelled scalar field of every
 *       document, and labels each candidate right or wrong with the evaluation's matching rules;
 *   <li>holds out a fifth of the document groups (a scan stays with its PDF) as a test set;
 *   <li>fits the conditional logit per field kind (L2-regularized, gradient descent), with
 *       5-fold cross-validation grouped by document source on the rest to get out-of-fold
 *       scores of picked values, and fits isotonic calibration per kind on them;
 *   <li>reports ECE and a reliability table on the held-out test set (model and calibration
 *       fitted without it), then refits everything on all documents for the shipped files.
 * </ol>
 *
 * Run from the engine module with the test classpath; arguments: output folder of resources
 * (default {@code src/main/resources/model}) and the report file (default {@code
 * ../docs/extraction-calibration.md}).
 */
public final class ScoringModelFit {

    private static final int FEATURES = Feature.values().length;
    private static final double L2 = 0.01;

    /** The features that say how well a label names the field. */
    private static final List<Feature> NAMING_LABELS = List.of(
            Feature.LEFT_LABEL_SIM,
            Feature.LEFT_LABEL_TOP,
            Feature.ABOVE_LABEL_SIM,
            Feature.ABOVE_LABEL_TOP,
            Feature.LABEL_LEXICAL);

    private static final int ITERATIONS = 400;
    private static final int MIN_KIND_SAMPLES = 60;

    /** One field of one document: its candidates' features and which are right. */
    record Group(String source, FieldKind kind, String field, double[][] x, boolean[] right) {}

    /** A picked value scored out of fold: its model score and whether it was right. */
    record Pick(FieldKind kind, double score, boolean right) {}

    private ScoringModelFit() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/model");
        Path report = Path.of(args.length > 1 ? args[1] : "../docs/extraction-calibration.md");
        List<Group> groups = collect();
        System.out.printf("%d field groups%n", groups.size());

        // Held-out test: a fifth of the sources, never seen by the fit or the calibration.
        List<Group> train = new ArrayList<>();
        List<Group> test = new ArrayList<>();
        for (Group g : groups) {
            (fold(g.source(), 5, 99) == 0 ? test : train).add(g);
        }
        Map<FieldKind, Calibration.Curve> trainCurves = new EnumMap<>(FieldKind.class);
        Calibration.Curve trainPooled = calibrate(outOfFold(train), trainCurves);
        ScoringModel trainModel = fit(train);
        List<Pick> testPicks = picks(trainModel, test);
        Calibration trainCalibration = new Calibration(trainCurves, trainPooled, null);
        StringBuilder doc = new StringBuilder();
        doc.append("# Calibration of field confidence\n\n")
                .append("Written by `ScoringModelFit` (engine test sources). Model: conditional logit per field kind;")
                .append(" calibration: isotonic per kind on 5-fold out-of-fold picks grouped by document source.\n\n")
                .append(String.format(
                        Locale.ROOT, "Field groups: %d train, %d held-out test.%n%n", train.size(), test.size()));
        doc.append(reliability("Held-out test (model and calibration fitted without it)", testPicks, trainCalibration));

        // Shipped model: everything.
        Map<FieldKind, Calibration.Curve> curves = new EnumMap<>(FieldKind.class);
        List<Pick> oof = outOfFold(groups);
        Calibration.Curve pooled = calibrate(oof, curves);
        ScoringModel model = fit(groups);
        doc.append(reliability("All documents, out-of-fold", oof, new Calibration(curves, pooled, null)));

        // Table cells: their score is not fitted, so one isotonic map over the score is the fit;
        // measured on the held-out sources with a map fitted on the rest.
        List<CellPick> cells = collectCells();
        List<Pick> trainCells = new ArrayList<>();
        List<Pick> testCells = new ArrayList<>();
        for (CellPick c : cells) {
            (fold(c.source(), 5, 99) == 0 ? testCells : trainCells).add(c.pick());
        }
        Calibration.Curve trainCellCurve = isotonic(trainCells);
        doc.append(reliability(
                "Line-item cells, held-out test (map fitted without it)",
                testCells,
                new Calibration(Map.of(), trainCellCurve, null)));
        Calibration.Curve cellCurve =
                isotonic(cells.stream().map(CellPick::pick).toList());
        write(out, model, curves, pooled, cellCurve);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, doc.toString());
        System.out.println(doc);
    }

    static List<Group> collect() {
        FieldFinder finder = new FieldFinder(
                Lexicon.builtIn(),
                ScoringModel.builtIn(),
                Calibration.builtIn(),
                DefaultExtractionEngine.standardScanners());
        LayoutCache cache = new LayoutCache();
        List<Group> groups = new ArrayList<>();
        for (String name : Corpus.allNames()) {
            Corpus corpus = new Corpus(name);
            for (CorpusDocument doc : corpus.documents) {
                Layout layout = cache.layout(doc);
                if (layout == null) {
                    continue;
                }
                FieldFinder.Run run = finder.start(layout, corpus.extractor);
                for (FieldSpec field : corpus.extractor.fields()) {
                    Object expected = doc.fields().get(field.name());
                    if (expected == null || field.type() == FieldType.ARRAY || field.type() == FieldType.OBJECT) {
                        continue;
                    }
                    FieldQuery query = run.query(field);
                    List<Scored> ranked = run.rank(query);
                    String rule = corpus.rules.get(field.name());
                    double[][] x = new double[ranked.size()][];
                    boolean[] right = new boolean[ranked.size()];
                    for (int i = 0; i < ranked.size(); i++) {
                        x[i] = ranked.get(i).features();
                        // Right as the field would report it: a credit note's "-233,47 €" is its total 233.47.
                        Object value = run.reported(
                                query.kind(), ranked.get(i).candidate().value());
                        right[i] = ExpectedValueMatcher.matches(rule, expected, value);
                    }
                    groups.add(new Group(doc.group(), query.kind(), name + "." + field.name(), x, right));
                }
            }
        }
        return groups;
    }

    /** A returned line-item cell: its document source, raw cell score and whether it is right. */
    record CellPick(String source, Pick pick) {}

    /** Every returned cell of every labelled table, scored without a cell calibration. */
    static List<CellPick> collectCells() {
        Calibration raw =
                new Calibration(Map.of(), null, new Calibration.Curve(new double[] {0, 1}, new double[] {0, 1}));
        FieldFinder finder = new FieldFinder(
                Lexicon.builtIn(), ScoringModel.builtIn(), raw, DefaultExtractionEngine.standardScanners());
        LayoutCache cache = new LayoutCache();
        List<CellPick> out = new ArrayList<>();
        for (String name : Corpus.allNames()) {
            Corpus corpus = new Corpus(name);
            for (CorpusDocument doc : corpus.documents) {
                Layout layout = null;
                for (FieldSpec field : corpus.extractor.fields()) {
                    if (!(doc.fields().get(field.name()) instanceof List<?> expectedList)
                            || field.type() != FieldType.ARRAY
                            || field.items() == null
                            || field.items().type() != FieldType.OBJECT) {
                        continue;
                    }
                    if (layout == null) {
                        layout = cache.layout(doc);
                        if (layout == null) {
                            break;
                        }
                    }
                    Map<String, String> rules = new TreeMap<>();
                    corpus.rules.forEach((k, v) -> {
                        if (k.startsWith(field.name() + "[].")) {
                            rules.put(k.substring(field.name().length() + 3), v);
                        }
                    });
                    ExtractionResult result = finder.extract(layout, corpus.extractor);
                    List<Map<String, Object>> expected =
                            expectedList.stream().map(Corpus::map).toList();
                    List<Map<String, Object>> returned = result.data().get(field.name()) instanceof List<?> l
                            ? l.stream().map(Corpus::map).toList()
                            : List.of();
                    int[] paired = ExpectedValueMatcher.pairing(expected, returned, rules);
                    for (int r = 0; r < returned.size(); r++) {
                        for (Map.Entry<String, String> rule : rules.entrySet()) {
                            String prop = rule.getKey();
                            Object value = returned.get(r).get(prop);
                            if (value == null || expected.stream().noneMatch(e -> e.containsKey(prop))) {
                                continue;
                            }
                            boolean right = paired[r] >= 0
                                    && ExpectedValueMatcher.matches(
                                            rule.getValue(),
                                            expected.get(paired[r]).get(prop),
                                            value);
                            double score = result.confidence().getOrDefault(field.name() + "[" + r + "]." + prop, 0.0);
                            out.add(new CellPick(doc.group(), new Pick(FieldKind.TEXT, score, right)));
                        }
                    }
                }
            }
        }
        return out;
    }

    static int fold(String source, int folds, int salt) {
        return Math.floorMod((source + "#" + salt).hashCode() * 31 + salt, folds);
    }

    /** Out-of-fold picks: each fold scored by a model fitted on the other four. */
    static List<Pick> outOfFold(List<Group> groups) {
        List<Pick> out = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            List<Group> fitOn = new ArrayList<>();
            List<Group> held = new ArrayList<>();
            for (Group g : groups) {
                (fold(g.source(), 5, 7) == f ? held : fitOn).add(g);
            }
            out.addAll(picks(fit(fitOn), held));
        }
        return out;
    }

    static List<Pick> picks(ScoringModel model, List<Group> groups) {
        List<Pick> out = new ArrayList<>();
        for (Group g : groups) {
            if (g.x().length == 0) {
                out.add(new Pick(g.kind(), 0, false));
                continue;
            }
            double[] logits = new double[g.x().length];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = model.logit(g.kind(), g.x()[i]);
            }
            double[] p = ScoringModel.choiceProbabilities(logits);
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] > p[best]) {
                    best = i;
                }
            }
            out.add(new Pick(g.kind(), p[best], g.right()[best]));
        }
        return out;
    }

    /**
     * Weights per kind with enough groups, and pooled weights for the rest. A kind's weights for
     * the labels that name the field are drawn towards the pooled ones rather than towards zero:
     * the corpus labels few addresses, so fitted alone the address weights gave such a label no
     * weight at all, and a "Property address:" caption counted for nothing on a document of
     * another kind. The other features keep their own kind's evidence (drawing all of them to the
     * pooled weights cost the utility bills' amount due 0.94 → 0.75).
     */
    static ScoringModel fit(List<Group> groups) {
        Map<FieldKind, double[]> weights = new EnumMap<>(FieldKind.class);
        double[] pooled = fitLogit(groups, new double[FEATURES]);
        double[] labelPrior = new double[FEATURES];
        for (Feature feature : NAMING_LABELS) {
            labelPrior[feature.ordinal()] = pooled[feature.ordinal()];
        }
        for (FieldKind kind : FieldKind.values()) {
            List<Group> own = groups.stream().filter(g -> g.kind() == kind).toList();
            if (own.size() >= MIN_KIND_SAMPLES) {
                weights.put(kind, fitLogit(own, labelPrior));
            }
        }
        return new ScoringModel(weights, pooled);
    }

    /**
     * Conditional logit with a "none" alternative, fitted by Adam on the mean log-likelihood with
     * an L2 penalty on the distance from {@code prior}.
     */
    static double[] fitLogit(List<Group> groups, double[] prior) {
        double[] w = new double[FEATURES];
        double[] m = new double[FEATURES];
        double[] v = new double[FEATURES];
        double lr = 0.05;
        for (int it = 1; it <= ITERATIONS; it++) {
            double[] grad = new double[FEATURES];
            for (Group g : groups) {
                int n = g.x().length;
                if (n == 0) {
                    continue;
                }
                double[] logits = new double[n];
                for (int i = 0; i < n; i++) {
                    double z = 0;
                    double[] xi = g.x()[i];
                    for (int k = 0; k < FEATURES; k++) {
                        z += w[k] * xi[k];
                    }
                    logits[i] = z;
                }
                double[] p = ScoringModel.choiceProbabilities(logits);
                for (int i = 0; i < n; i++) {
                    double coef = p[i] - (g.right()[i] ? 1.0 / count(g.right()) : 0);
                    if (coef == 0) {
                        continue;
                    }
                    double[] xi = g.x()[i];
                    for (int k = 0; k < FEATURES; k++) {
                        grad[k] += coef * xi[k];
                    }
                }
            }
            for (int k = 0; k < FEATURES; k++) {
                grad[k] = grad[k] / Math.max(1, groups.size())
                        + (k == Feature.BIAS.ordinal() ? 0 : L2 * (w[k] - prior[k]));
                m[k] = 0.9 * m[k] + 0.1 * grad[k];
                v[k] = 0.999 * v[k] + 0.001 * grad[k] * grad[k];
                double mh = m[k] / (1 - Math.pow(0.9, it));
                double vh = v[k] / (1 - Math.pow(0.999, it));
                w[k] -= lr * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        return w;
    }

    private static int count(boolean[] right) {
        int n = 0;
        for (boolean r : right) {
            if (r) {
                n++;
            }
        }
        return n;
    }

    /** Isotonic curves per kind (where enough picks), pooled curve returned. */
    static Calibration.Curve calibrate(List<Pick> picks, Map<FieldKind, Calibration.Curve> curves) {
        for (FieldKind kind : FieldKind.values()) {
            List<Pick> own = picks.stream().filter(p -> p.kind() == kind).toList();
            if (own.size() >= MIN_KIND_SAMPLES) {
                curves.put(kind, isotonic(own));
            }
        }
        return isotonic(picks);
    }

    /**
     * Pool-adjacent-violators on (score, right), a flat step over each block's scores (knots at its
     * lowest and highest score) joined linearly to the next. Knots at block means instead pulled
     * every pick below the mean of a large all-right block towards the block under it: currency
     * picks, right 22 times in 22, were reported at 0.72.
     */
    static Calibration.Curve isotonic(List<Pick> picks) {
        List<Pick> sorted = new ArrayList<>(picks);
        sorted.sort((a, b) -> Double.compare(a.score(), b.score()));
        List<double[]> blocks = new ArrayList<>(); // {minScore, maxScore, sumRight, count}
        for (Pick p : sorted) {
            blocks.add(new double[] {p.score(), p.score(), p.right() ? 1 : 0, 1});
            while (blocks.size() > 1) {
                double[] last = blocks.getLast();
                double[] prev = blocks.get(blocks.size() - 2);
                if (prev[2] / prev[3] < last[2] / last[3]) {
                    break;
                }
                prev[1] = last[1];
                prev[2] += last[2];
                prev[3] += last[3];
                blocks.removeLast();
            }
        }
        List<double[]> knots = new ArrayList<>();
        double previous = 0;
        for (double[] b : blocks) {
            // A light prior towards 1/2 keeps tiny blocks from claiming certainty.
            double y = Math.max(previous, (b[2] + 0.5) / (b[3] + 1));
            previous = y;
            knots.add(new double[] {b[0], y});
            if (b[1] > b[0]) {
                knots.add(new double[] {b[1], y});
            }
        }
        return Calibration.curve(knots);
    }

    static String reliability(String title, List<Pick> picks, Calibration calibration) {
        StringBuilder out = new StringBuilder("## " + title + "\n\n");
        double[] sumC = new double[10];
        double[] sumA = new double[10];
        int[] n = new int[10];
        List<double[]> pairs = new ArrayList<>();
        Map<FieldKind, double[]> perKind = new LinkedHashMap<>();
        for (Pick p : picks) {
            double c = calibration.confidence(p.kind(), p.score());
            int bin = Math.min(9, (int) (c * 10));
            sumC[bin] += c;
            sumA[bin] += p.right() ? 1 : 0;
            n[bin]++;
            pairs.add(new double[] {c, p.right() ? 1 : 0});
            double[] k = perKind.computeIfAbsent(p.kind(), x -> new double[3]);
            k[0] += p.right() ? 1 : 0;
            k[1] += c;
            k[2]++;
        }
        double[] cal = CorpusRunner.calibration(pairs);
        out.append(String.format(
                Locale.ROOT,
                "Fields: %d. ECE %.3f; accuracy at confidence ≥ 0.9: %.3f (coverage %.3f).%n%n",
                picks.size(),
                cal[0],
                cal[1],
                cal[2]));
        out.append("| confidence bin | fields | mean confidence | accuracy |\n|---|---|---|---|\n");
        for (int b = 0; b < 10; b++) {
            if (n[b] > 0) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %.1f–%.1f | %d | %.3f | %.3f |%n",
                        b / 10.0,
                        (b + 1) / 10.0,
                        n[b],
                        sumC[b] / n[b],
                        sumA[b] / n[b]));
            }
        }
        out.append("\n| kind | fields | accuracy | mean confidence |\n|---|---|---|---|\n");
        for (Map.Entry<FieldKind, double[]> e : perKind.entrySet()) {
            double[] k = e.getValue();
            out.append(String.format(
                    Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", e.getKey(), (int) k[2], k[0] / k[2], k[1] / k[2]));
        }
        return out.append('\n').toString();
    }

    static void write(
            Path dir,
            ScoringModel model,
            Map<FieldKind, Calibration.Curve> curves,
            Calibration.Curve pooled,
            Calibration.Curve cells)
            throws IOException {
        Files.createDirectories(dir);
        StringBuilder w =
                new StringBuilder("# Fitted by ScoringModelFit (engine test sources); do not edit by hand.\n");
        Set<String> kinds = new TreeSet<>();
        for (Map.Entry<FieldKind, double[]> e : model.weights().entrySet()) {
            kinds.add(e.getKey().name());
            appendWeights(w, e.getKey().name(), e.getValue());
        }
        appendWeights(w, ScoringModel.POOLED, model.pooled());
        Files.writeString(dir.resolve("weights.tsv"), w.toString());
        StringBuilder c =
                new StringBuilder("# Fitted by ScoringModelFit (engine test sources); do not edit by hand.\n");
        for (Map.Entry<FieldKind, Calibration.Curve> e : curves.entrySet()) {
            appendCurve(c, e.getKey().name(), e.getValue());
        }
        appendCurve(c, ScoringModel.POOLED, pooled);
        appendCurve(c, Calibration.CELL, cells);
        Files.writeString(dir.resolve("calibration.tsv"), c.toString());
        System.out.println("wrote " + dir.toAbsolutePath() + " kinds " + kinds);
    }

    private static void appendWeights(StringBuilder out, String kind, double[] w) {
        for (Feature f : Feature.values()) {
            if (w[f.ordinal()] != 0) {
                out.append(kind)
                        .append('\t')
                        .append(f.name())
                        .append('\t')
                        .append(String.format(Locale.ROOT, "%.5f", w[f.ordinal()]))
                        .append('\n');
            }
        }
    }

    private static void appendCurve(StringBuilder out, String kind, Calibration.Curve curve) {
        for (int i = 0; i < curve.scores().length; i++) {
            out.append(kind)
                    .append('\t')
                    .append(String.format(Locale.ROOT, "%.5f", curve.scores()[i]))
                    .append('\t')
                    .append(String.format(Locale.ROOT, "%.5f", curve.probabilities()[i]))
                    .append('\n');
        }
    }
}
