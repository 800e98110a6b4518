package io.docextract.engine.fields;

import io.docextract.engine.DefaultExtractionEngine;
import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractorSpec;
import io.docextract.engine.FieldSpec;
import io.docextract.engine.document.DocumentFormat;
import io.docextract.engine.document.DocumentReader;
import io.docextract.engine.layout.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints a field's best-ranked candidates with their label and score for corpus documents, to
 * see why the finder picked what it picked. Arguments: dataset, file-name substring, field name,
 * and {@code -f} to print each candidate's non-zero features with their weighted contribution.
 * For a document outside the corpus: {@code --file DOCUMENT EXTRACTOR.json FIELD [-f]}.
 */
public final class CandidateDump {

    private CandidateDump() {}

    public static void main(String[] args) throws java.io.IOException {
        if (args[0].equals("--file")) {
            dumpFile(
                    Path.of(args[1]),
                    Corpus.extractor(Path.of(args[2])),
                    args[3],
                    args.length > 4 && args[4].equals("-f"));
            return;
        }
        boolean features = args.length > 3 && args[3].equals("-f");
        Corpus corpus = new Corpus(args[0]);
        FieldFinder finder = new FieldFinder(DefaultExtractionEngine.standardScanners());
        LayoutCache cache = new LayoutCache();
        for (CorpusDocument doc : corpus.documents) {
            if (!doc.file().getFileName().toString().contains(args[1])) {
                continue;
            }
            Layout layout = cache.layout(doc);
            FieldFinder.Run run = finder.start(layout, corpus.extractor);
            for (FieldSpec field : corpus.extractor.fields()) {
                if (!field.name().equals(args[2])) {
                    continue;
                }
                if (field.type() == io.docextract.engine.FieldType.ARRAY) {
                    System.out.printf("%s expected:%n", doc.file().getFileName());
                    if (doc.fields().get(field.name()) instanceof List<?> rows) {
                        rows.forEach(r -> System.out.println("  " + r));
                    }
                    System.out.println(" returned:");
                    if (finder.extract(layout, corpus.extractor).data().get(field.name()) instanceof List<?> rows) {
                        rows.forEach(r -> System.out.println("  " + r));
                    }
                    continue;
                }
                dumpCandidates(
                        run, field, doc.file().getFileName() + " ", doc.fields().get(field.name()), features);
            }
        }
    }

    private static void dumpFile(Path file, ExtractorSpec extractor, String fieldName, boolean features)
            throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(file);
        DocumentFormat format = DocumentFormat.sniff(bytes).orElseThrow();
        Layout layout = new DocumentReader(EngineOptions.defaults()).read(bytes, format);
        FieldFinder.Run run = new FieldFinder(DefaultExtractionEngine.standardScanners()).start(layout, extractor);
        for (FieldSpec field : extractor.fields()) {
            if (field.name().equals(fieldName)) {
                dumpCandidates(run, field, "", "?", features);
            }
        }
    }

    private static void dumpCandidates(
            FieldFinder.Run run, FieldSpec field, String document, Object expected, boolean features) {
        FieldQuery q = run.query(field);
        System.out.printf(
                "%s%s kind=%s concepts=%s expected=%s%n",
                document, field.name(), q.kind(), q.conceptWeights(), expected);
        List<Scored> ranked = run.rank(q);
        for (Scored s : ranked.subList(0, Math.min(8, ranked.size()))) {
            Candidate c = s.candidate();
            System.out.printf(
                    Locale.ROOT,
                    "  %.3f %-30s %-8s line=%s%n",
                    s.score(),
                    c.value(),
                    c.source(),
                    c.line() == null ? "-" : c.line().text());
            if (features) {
                System.out.println("        " + contributions(run.model(), q.kind(), s.features()));
            }
        }
    }

    private static String contributions(ScoringModel model, FieldKind kind, double[] x) {
        double[] w = model.weights().getOrDefault(kind, model.pooled());
        StringBuilder out = new StringBuilder();
        for (Feature f : Feature.values()) {
            double v = x[f.ordinal()];
            if (v != 0) {
                out.append(String.format(Locale.ROOT, "%s=%.2f(%+.2f) ", f, v, v * w[f.ordinal()]));
            }
        }
        return out.toString();
    }
}
