package io.docextract.engine.fields;

import io.docextract.engine.DefaultExtractionEngine;
import io.docextract.engine.ExtractionResult;
import io.docextract.engine.FieldSpec;
import io.docextract.engine.FieldType;
import io.docextract.engine.layout.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the engine over corpus datasets and prints per-field accuracy with the evaluation's
 * matching rules, line-item cell F1 and calibration (ECE, accuracy at confidence ≥ 0.9).
 *
 * <pre>
 * mvn -q -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.docextract.engine.fields.CorpusRunner -Dexec.args="synth-invoice zugferd"
 * </pre>
 *
 * Arguments: dataset names (default: all); {@code -v} prints every wrong field; {@code
 * --text-only} skips scans.
 */
public final class CorpusRunner {

    private CorpusRunner() {}

    public static void main(String[] args) {
        boolean verbose = false;
        boolean textOnly = false;
        List<String> names = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "-v" -> verbose = true;
                case "--text-only" -> textOnly = true;
                default -> names.add(a);
            }
        }
        if (names.isEmpty()) {
            names = Corpus.allNames();
        }
        DefaultExtractionEngine engine = new DefaultExtractionEngine(
                (b, f) -> {
                    throw new IllegalStateException("layouts come from the cache");
                },
                DefaultExtractionEngine.standardScanners());
        LayoutCache cache = new LayoutCache();
        List<double[]> allConf = new ArrayList<>();
        double totalRight = 0;
        int totalFields = 0;
        int[] allCells = new int[3];
        for (String name : names) {
            Corpus corpus = new Corpus(name);
            Map<String, double[]> perField = new TreeMap<>();
            List<double[]> conf = new ArrayList<>();
            int[] cells = new int[3];
            int docs = 0;
            for (CorpusDocument doc : corpus.documents) {
                boolean scan = !doc.file().getFileName().toString().endsWith(".pdf")
                        || doc.file().getFileName().toString().contains("-scan");
                if (textOnly && scan) {
                    continue;
                }
                Layout layout = cache.layout(doc);
                if (layout == null && LayoutCache.CACHED_ONLY) {
                    continue;
                }
                ExtractionResult result = layout == null ? null : engine.extract(layout, corpus.extractor);
                docs++;
                for (Map.Entry<String, Object> e : doc.fields().entrySet()) {
                    String field = e.getKey();
                    String rule = corpus.rules.get(field);
                    if (rule == null) {
                        continue;
                    }
                    Object returned = result == null ? null : result.data().get(field);
                    double c = result == null ? 0 : result.confidence().getOrDefault(field, 0.0);
                    double score;
                    if (e.getValue() instanceof List<?> expectedList && isTable(corpus, field)) {
                        Map<String, String> propRules = new TreeMap<>();
                        corpus.rules.forEach((k, v) -> {
                            if (k.startsWith(field + "[].")) {
                                propRules.put(k.substring(field.length() + 3), v);
                            }
                        });
                        List<Map<String, Object>> exp =
                                expectedList.stream().map(Corpus::map).toList();
                        List<Map<String, Object>> ret = returned instanceof List<?> l
                                ? l.stream().map(Corpus::map).toList()
                                : List.of();
                        int[] t = ExpectedValueMatcher.tableCells(exp, ret, propRules);
                        for (int i = 0; i < 3; i++) {
                            cells[i] += t[i];
                        }
                        double p = t[1] == 0 ? 0 : t[0] / (double) t[1];
                        double r = t[2] == 0 ? 0 : t[0] / (double) t[2];
                        score = p + r == 0 ? 0 : 2 * p * r / (p + r);
                        if (verbose && score < 1) {
                            System.out.printf(
                                    "  %s %s: F1 %.2f returned %d rows, expected %d%n",
                                    doc.file().getFileName(), field, score, ret.size(), exp.size());
                        }
                    } else {
                        score = ExpectedValueMatcher.matches(rule, e.getValue(), returned) ? 1 : 0;
                        if (verbose && score < 1) {
                            System.out.printf(
                                    "  %s %s: expected %s, got %s (%.2f)%n",
                                    doc.file().getFileName(), field, e.getValue(), returned, c);
                        }
                    }
                    perField.computeIfAbsent(field, k -> new double[2])[0] += score;
                    perField.get(field)[1]++;
                    conf.add(new double[] {c, score});
                }
            }
            double right = 0;
            int n = 0;
            System.out.printf("== %s (%d docs)%n", name, docs);
            for (Map.Entry<String, double[]> e : perField.entrySet()) {
                System.out.printf(
                        Locale.ROOT, "  %-20s %.3f  (%d)%n", e.getKey(), e.getValue()[0] / e.getValue()[1], (int)
                                e.getValue()[1]);
                right += e.getValue()[0];
                n += (int) e.getValue()[1];
            }
            double[] cal = calibration(conf);
            System.out.printf(
                    Locale.ROOT,
                    "  ALL acc=%.3f items_f1=%s ece=%.3f acc@0.9=%.3f cov@0.9=%.3f%n",
                    n == 0 ? 0 : right / n,
                    f1(cells),
                    cal[0],
                    cal[1],
                    cal[2]);
            totalRight += right;
            totalFields += n;
            allConf.addAll(conf);
            for (int i = 0; i < 3; i++) {
                allCells[i] += cells[i];
            }
        }
        double[] cal = calibration(allConf);
        System.out.printf(
                Locale.ROOT,
                "corpus: field_accuracy=%.3f items_f1=%s ece=%.3f acc@0.9=%.3f cov@0.9=%.3f%n",
                totalFields == 0 ? 0 : totalRight / totalFields,
                f1(allCells),
                cal[0],
                cal[1],
                cal[2]);
    }

    private static boolean isTable(Corpus corpus, String field) {
        for (FieldSpec f : corpus.extractor.fields()) {
            if (f.name().equals(field)) {
                return f.type() == FieldType.ARRAY
                        && f.items() != null
                        && f.items().type() == FieldType.OBJECT;
            }
        }
        return false;
    }

    private static String f1(int[] cells) {
        if (cells[2] == 0) {
            return "n/a";
        }
        double p = cells[1] == 0 ? 0 : cells[0] / (double) cells[1];
        double r = cells[0] / (double) cells[2];
        return String.format(Locale.ROOT, "%.3f", p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    /** ECE over 10 equal-width bins, accuracy and coverage at confidence ≥ 0.9. */
    static double[] calibration(List<double[]> conf) {
        double[] sumC = new double[10];
        double[] sumA = new double[10];
        int[] count = new int[10];
        double right90 = 0;
        int n90 = 0;
        for (double[] cs : conf) {
            int bin = Math.min(9, (int) (cs[0] * 10));
            sumC[bin] += cs[0];
            sumA[bin] += cs[1];
            count[bin]++;
            if (cs[0] >= 0.9) {
                right90 += cs[1];
                n90++;
            }
        }
        double ece = 0;
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) {
                ece += count[b] / (double) conf.size() * Math.abs(sumA[b] / count[b] - sumC[b] / count[b]);
            }
        }
        return new double[] {ece, n90 == 0 ? Double.NaN : right90 / n90, conf.isEmpty() ? 0 : n90 / (double) conf.size()
        };
    }
}
