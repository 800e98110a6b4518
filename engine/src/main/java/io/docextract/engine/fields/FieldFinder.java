package io.docextract.engine.fields;

import io.docextract.engine.ExtractionResult;
import io.docextract.engine.ExtractionWarning;
import io.docextract.engine.ExtractorSpec;
import io.docextract.engine.FieldLocation;
import io.docextract.engine.FieldSpec;
import io.docextract.engine.FieldType;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Word;
import io.docextract.engine.values.DocumentContext;
import io.docextract.engine.values.IbanScanner;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds an extractor's fields in a laid-out document: builds a query per field, draws
 * candidates, scores them with the fitted model, picks jointly, calibrates, and reads tables for
 * arrays of objects. Stateless and thread-safe; per-document state lives in a {@link Run}.
 */
public final class FieldFinder {

    /** Below this calibrated confidence a value is not worth returning: null says "not found". */
    private static final double MIN_CONFIDENCE = 0.02;

    private final Lexicon lexicon;
    private final ScoringModel model;
    private final Calibration calibration;
    private final Scanners scanners;

    public FieldFinder(Scanners scanners) {
        this(Lexicon.builtIn(), ScoringModel.builtIn(), Calibration.builtIn(), scanners);
    }

    FieldFinder(Lexicon lexicon, ScoringModel model, Calibration calibration, Scanners scanners) {
        this.lexicon = lexicon;
        this.model = model;
        this.calibration = calibration;
        this.scanners = scanners;
    }

    /** Extracts every field of the extractor from the layout. */
    public ExtractionResult extract(Layout layout, ExtractorSpec extractor) {
        Run run = start(layout, extractor);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Double> confidence = new LinkedHashMap<>();
        Map<String, FieldLocation> locations = new LinkedHashMap<>();
        List<ExtractionWarning> warnings = new ArrayList<>();

        Map<String, FieldQuery> queries = new LinkedHashMap<>();
        for (FieldSpec field : extractor.fields()) {
            collectScalars(field.name(), field, queries, run);
        }
        Map<String, List<Scored>> ranked = new LinkedHashMap<>();
        for (Map.Entry<String, FieldQuery> e : queries.entrySet()) {
            ranked.put(e.getKey(), run.rank(e.getValue()));
        }
        Map<String, Scored> picked = JointPicker.pick(queries, ranked);

        for (FieldSpec field : extractor.fields()) {
            Object value = assemble(field.name(), field, queries, ranked, picked, run, confidence, locations);
            data.put(field.name(), value);
            if (field.required() && isEmpty(value)) {
                warnings.add(new ExtractionWarning(
                        "required_field_missing",
                        field.name(),
                        "Required field '" + field.name() + "' was not found."));
            }
        }
        return new ExtractionResult(data, confidence, locations, warnings, layout.pageCount());
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty();
    }

    private void collectScalars(String path, FieldSpec field, Map<String, FieldQuery> queries, Run run) {
        if (field.type() == FieldType.OBJECT) {
            for (FieldSpec property : field.properties()) {
                collectScalars(path + "." + property.name(), nested(field, property), queries, run);
            }
        } else if (field.type() == FieldType.ARRAY) {
            FieldSpec items = field.items();
            if (items != null && !items.type().isContainer()) {
                queries.put(
                        path,
                        run.query(new FieldSpec(
                                field.name(),
                                items.type(),
                                join(field.description(), items.description()),
                                false,
                                items.enumValues(),
                                null,
                                List.of())));
            }
        } else {
            queries.put(path, run.query(field));
        }
    }

    /** A property of an object read as a field named after both ("vendor" + "name"). */
    private static FieldSpec nested(FieldSpec parent, FieldSpec property) {
        return new FieldSpec(
                parent.name() + "_" + property.name(),
                property.type(),
                join(property.description(), parent.description()),
                property.required(),
                property.enumValues(),
                property.items(),
                property.properties());
    }

    private static String join(String a, String b) {
        return (a + " " + b).strip();
    }

    private Object assemble(
            String path,
            FieldSpec field,
            Map<String, FieldQuery> queries,
            Map<String, List<Scored>> ranked,
            Map<String, Scored> picked,
            Run run,
            Map<String, Double> confidence,
            Map<String, FieldLocation> locations) {
        if (field.type() == FieldType.OBJECT) {
            Map<String, Object> object = new LinkedHashMap<>();
            double min = 1;
            for (FieldSpec property : field.properties()) {
                Object v = assemble(
                        path + "." + property.name(),
                        nested(field, property),
                        queries,
                        ranked,
                        picked,
                        run,
                        confidence,
                        locations);
                object.put(property.name(), v);
                min = Math.min(min, confidence.getOrDefault(path + "." + property.name(), 0.0));
            }
            confidence.put(path, field.properties().isEmpty() ? 0 : min);
            return object;
        }
        if (field.type() == FieldType.ARRAY) {
            FieldSpec items = field.items();
            if (items != null && items.type() == FieldType.OBJECT) {
                return run.table(path, field, confidence, locations);
            }
            return scalarList(
                    path, queries.get(path), ranked.getOrDefault(path, List.of()), run, confidence, locations);
        }
        FieldQuery query = queries.get(path);
        Scored best = picked.get(path);
        FieldValue value = run.value(query, best);
        confidence.put(path, value.confidence());
        if (value.location() != null) {
            locations.put(path, value.location());
        }
        return value.value();
    }

    /** An array of scalars: every distinct value the model believes in, best first. */
    private List<Object> scalarList(
            String path,
            FieldQuery query,
            List<Scored> ranked,
            Run run,
            Map<String, Double> confidence,
            Map<String, FieldLocation> locations) {
        List<Object> out = new ArrayList<>();
        if (query == null) {
            confidence.put(path, 0.0);
            return out;
        }
        Set<Object> seen = new LinkedHashSet<>();
        double min = 1;
        for (Scored s : ranked) {
            if (!out.isEmpty() && s.score() < 0.5) {
                break;
            }
            FieldValue value = run.value(query, s);
            if (value.value() == null || !seen.add(value.value())) {
                continue;
            }
            String itemPath = path + "[" + out.size() + "]";
            confidence.put(itemPath, value.confidence());
            if (value.location() != null) {
                locations.put(itemPath, value.location());
            }
            min = Math.min(min, value.confidence());
            out.add(value.value());
        }
        confidence.put(path, out.isEmpty() ? 0 : min);
        return out;
    }

    /** Per-document state: the index, candidate caches and features. */
    Run start(Layout layout, ExtractorSpec extractor) {
        List<String> texts = layout.pages().stream()
                .flatMap(p -> p.lines().stream())
                .map(io.docextract.engine.layout.Line::text)
                .toList();
        DocumentContext context = scanners.contextDetector() == null
                ? DocumentContext.unknown()
                : scanners.contextDetector().apply(texts);
        DocumentIndex doc = new DocumentIndex(layout, context, lexicon, issuerOf(extractor));
        Set<String> claimed = new HashSet<>();
        for (FieldSpec field : extractor.fields()) {
            String top = FieldQuery.of(field, lexicon, doc.issuer()).topConcept();
            if (top != null) {
                claimed.add(top);
            }
        }
        return new Run(doc, claimed);
    }

    /** The party that issues the extractor's documents, when its type or description says. */
    Party issuerOf(ExtractorSpec extractor) {
        String text = (extractor.documentType().replace('_', ' ') + " . " + extractor.description());
        List<String> tokens = Tokenizer.tokens(text);
        List<String> typeTokens = Tokenizer.tokens(extractor.documentType().replace('_', ' '));
        for (List<String> source : List.of(typeTokens, tokens)) {
            LabelMatch match = lexicon.match(source);
            for (String concept : match.concepts()) {
                String issuer = lexicon.concept(concept).tag("issuer");
                if (issuer != null) {
                    return Party.valueOf(issuer.toUpperCase(Locale.ROOT));
                }
            }
        }
        return null;
    }

    /** One document being extracted. */
    final class Run {
        final DocumentIndex doc;
        final CandidateFinder finder;
        final FeatureExtractor features;
        private final Set<String> claimed;
        private final Map<Party, Scored> partyNames = new java.util.EnumMap<>(Party.class);
        private Scored issueDate;

        Run(DocumentIndex doc, Set<String> claimed) {
            this.doc = doc;
            this.claimed = Set.copyOf(claimed);
            this.finder = new CandidateFinder(scanners, doc);
            this.features = new FeatureExtractor(doc, finder.amounts());
        }

        FieldQuery query(FieldSpec field) {
            return FieldQuery.of(field, lexicon, doc.issuer(), claimed);
        }

        /** The field's candidates, best first. */
        List<Scored> rank(FieldQuery query) {
            List<Candidate> candidates = percentagesFirst(query, finder.find(query));
            Scored reference = query.kind() == FieldKind.ADDRESS && query.party() != null
                    ? partyName(query.party())
                    : query.kind() == FieldKind.DATE && "due_date".equals(query.topConcept()) ? issueDate() : null;
            List<Candidate> kept = new ArrayList<>(candidates.size());
            List<double[]> xs = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) {
                if (fits(query, c)) {
                    kept.add(c);
                    xs.add(features.features(query, c, candidates, reference));
                }
            }
            double[] logits = new double[kept.size()];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = model.logit(query.kind(), xs.get(i));
            }
            double[] p = ScoringModel.choiceProbabilities(logits);
            List<Scored> out = new ArrayList<>(kept.size());
            for (int i = 0; i < logits.length; i++) {
                out.add(new Scored(kept.get(i), p[i], xs.get(i)));
            }
            out.sort(Comparator.comparingDouble(Scored::score).reversed());
            return out;
        }

        /**
         * The best name of a party, as a field named after it would find it ("vendor name"): a
         * party's address is the block printed under its name, so the name places the address.
         */
        Scored partyName(Party party) {
            return partyNames.computeIfAbsent(party, p -> {
                String word = switch (p) {
                    case SELLER -> "vendor";
                    case BUYER -> "buyer";
                    case EMPLOYEE -> "employee";
                };
                List<Scored> names = rank(query(FieldSpec.of(word + "_name", FieldType.TEXT, "")));
                return names.isEmpty() ? null : names.getFirst();
            });
        }

        /** The best issue date, as a field named so would find it: a due date is not before it. */
        Scored issueDate() {
            if (issueDate == null) {
                List<Scored> dates =
                        rank(query(FieldSpec.of("issue_date", FieldType.DATE, "Date the document was issued")));
                issueDate = dates.isEmpty() ? NO_DATE : dates.getFirst();
            }
            return issueDate == NO_DATE ? null : issueDate;
        }

        FieldValue value(FieldQuery query, Scored best) {
            if (best == null) {
                return FieldValue.MISSING;
            }
            double conf = calibration.confidence(query.kind(), best.score());
            if (conf < MIN_CONFIDENCE) {
                return FieldValue.MISSING;
            }
            Candidate c = best.candidate();
            FieldLocation location =
                    c.isInferred() ? null : new FieldLocation(c.line().page(), c.box(), c.text());
            return new FieldValue(reported(query.kind(), c.value()), conf, location);
        }

        /** A candidate's value as the field reports it: typed, and on a credit note amounts as magnitudes. */
        Object reported(FieldKind kind, Object raw) {
            Object value = typed(kind, raw);
            if (kind == FieldKind.AMOUNT && doc.creditNote() && value instanceof BigDecimal amount) {
                return amount.abs();
            }
            return value;
        }

        Object table(
                String path, FieldSpec field, Map<String, Double> confidence, Map<String, FieldLocation> locations) {
            return new LineItemReader(this).read(path, field, confidence, locations);
        }

        ScoringModel model() {
            return model;
        }

        Calibration calibration() {
            return calibration;
        }

        Scanners scanners() {
            return scanners;
        }
    }

    private static final Scored NO_DATE = new Scored(Candidate.inferred("", 0), 0, new double[0]);

    /**
     * A number field that asks for a percentage ("VAT rate in percent", a tax rate) takes a number
     * printed with a per cent sign when the document prints any: the amount beside "VAT 20%" is
     * no rate.
     */
    private static List<Candidate> percentagesFirst(FieldQuery query, List<Candidate> candidates) {
        if (query.kind() != FieldKind.NUMBER || !query.asksForPercentage()) {
            return candidates;
        }
        List<Candidate> printedAsPercentages =
                candidates.stream().filter(FieldFinder::printedAsPercentage).toList();
        return printedAsPercentages.isEmpty() ? candidates : printedAsPercentages;
    }

    private static boolean printedAsPercentage(Candidate c) {
        if (c.line() == null || c.to() <= c.from()) {
            return false;
        }
        List<Word> words = c.line().words();
        return words.get(c.to() - 1).text().endsWith("%")
                || c.to() < words.size() && words.get(c.to()).text().startsWith("%");
    }

    /** Whether a candidate can be a value of the field at all (type-level filters). */
    private static boolean fits(FieldQuery query, Candidate c) {
        if (query.kind() == FieldKind.AMOUNT && c.value() instanceof BigDecimal v) {
            return v.abs().compareTo(new BigDecimal("1000000000000")) < 0;
        }
        if (query.kind() == FieldKind.IDENTIFIER
                && query.conceptWeights().getOrDefault("iban", 0.0) < 0.3
                && c.value() instanceof String s) {
            // A string with a valid IBAN checksum is a bank account, not an employee, customer or document number.
            String compact = s.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
            return compact.length() < 15 || !IbanScanner.isValid(compact);
        }
        return true;
    }

    static Object typed(FieldKind kind, Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case AMOUNT, NUMBER ->
                value instanceof BigDecimal b
                        ? b
                        : value instanceof Number n ? new BigDecimal(n.toString()) : parseDecimal(value.toString());
            case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
            default -> value.toString();
        };
    }

    private static BigDecimal parseDecimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
