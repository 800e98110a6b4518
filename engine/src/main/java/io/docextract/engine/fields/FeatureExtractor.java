package io.docextract.engine.fields;

import io.docextract.engine.fields.Candidate.Source;
import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Word;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes a (field, candidate) pair as numbers the scoring model weighs: how well the labels
 * around the candidate name the field's concepts, where it sits, how it looks, and whether it
 * adds up with the document's other amounts.
 */
final class FeatureExtractor {

    /** The lexicon's concept of a tax amount, and the tag that puts a summary amount before or after tax. */
    private static final String TAX = "tax";

    private static final String SIDE = "side";

    /** The lexicon's concept of a rounding adjustment ("ROUNDING ADJUSTMENT -0.02"). */
    private static final String ROUNDING = "rounding";

    /** The lexicon's concept of a cumulative (year-to-date) figure. */
    private static final String YEAR_TO_DATE = "year_to_date";

    /** How many lines above an amount a heading still opens its block ("Year to date" over three totals). */
    private static final int HEADING_LINES = 4;

    /**
     * Lexical similarity at which a label prints the field's name: all of its name's words
     * ("Monthly rent" for monthly_rent), most of a longer name's, or its short description's.
     */
    private static final double NAMES_THE_FIELD = 0.8;

    /** The share of the first page that is its letterhead. */
    private static final double LETTERHEAD = 0.12;

    /** An amount and the line it is printed on (document line index). */
    private record Placed(BigDecimal magnitude, int line) {}

    private static final Pattern POSTCODE =
            Pattern.compile("\\b(\\d{4,6}|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}|\\d{4} ?[A-Z]{2}|\\d{2}-\\d{3})\\b");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\b\\d{1,4}[a-zA-Z]?\\b");

    private static final BigDecimal TOLERANCE = new BigDecimal("0.011");

    /** A tax share rounds to the cent. */
    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    private final DocumentIndex doc;
    private final List<BigDecimal> amounts;
    /** Amounts a tax label names, and the others (magnitudes, distinct). */
    private final List<BigDecimal> taxes;

    private final List<BigDecimal> untaxed;

    private final Map<Integer, Integer> amountsPerLine = new HashMap<>();

    /** The first word of each amount printed as money ({@link DocumentIndex#MONEY}), per line. */
    private final Map<Integer, List<Integer>> amountWords = new HashMap<>();

    /** Every non-zero amount, and the non-zero rounding adjustments among them. */
    private final List<Placed> placed = new ArrayList<>();

    private final List<Placed> roundings = new ArrayList<>();

    /**
     * A rate printed right before an amount ("GST @ 6% 1.42", "MwSt. 19 % 4,79"): the amount is
     * what the rate gives.
     */
    private static final Pattern RATE_BEFORE = Pattern.compile("(\\d{1,2}(?:[.,]\\d{1,2})?) ?%\\)?$");

    /** Where an amount is printed: its line and first word. */
    private record At(int line, int from) {
        static At of(Candidate c) {
            return new At(c.line().index(), c.from());
        }
    }

    /** Amounts that are the tax included in another printed amount at the rate printed before them. */
    private final Set<At> includedTaxes = new HashSet<>();

    /**
     * Lines that are an identifier's caption and number, by line index: asked for every address
     * candidate and its competitors, read once.
     */
    private final Map<Integer, Boolean> registrationLines = new HashMap<>();

    FeatureExtractor(DocumentIndex doc, List<Candidate> documentAmounts) {
        this.doc = doc;
        findIncludedTaxes(documentAmounts);
        List<BigDecimal> values = new ArrayList<>();
        List<BigDecimal> taxValues = new ArrayList<>();
        List<BigDecimal> untaxedValues = new ArrayList<>();
        for (Candidate c : documentAmounts) {
            if (c.value() instanceof BigDecimal v) {
                values.add(v);
                amountsPerLine.merge(c.line().index(), 1, Integer::sum);
                if (DocumentIndex.MONEY.matcher(c.text()).find()) {
                    amountWords
                            .computeIfAbsent(c.line().index(), k -> new ArrayList<>())
                            .add(c.from());
                }
                if (v.signum() != 0 && isDocumentTax(c)) {
                    taxValues.add(v.abs());
                } else if (v.signum() != 0 && !isAnyTax(c)) {
                    untaxedValues.add(v.abs());
                }
                if (v.signum() != 0) {
                    Placed at = new Placed(v.abs(), c.line().index());
                    placed.add(at);
                    if (doc.leftLabel(c.line(), c.from(), FieldKind.AMOUNT)
                            .match()
                            .concepts()
                            .contains(ROUNDING)) {
                        roundings.add(at);
                    }
                }
            }
        }
        this.amounts = values;
        this.taxes = taxValues.stream().distinct().toList();
        this.untaxed = untaxedValues.stream().distinct().toList();
    }

    /**
     * "(Total Included GST @ 6% 1.42)" under "Due 25.15": an amount right after a rate that is the
     * rate's share of another printed amount (25.15 × 6 / 106 = 1.42) is the tax that amount
     * includes, whatever the caption before the rate names (here the total it is included in).
     */
    private void findIncludedTaxes(List<Candidate> documentAmounts) {
        List<BigDecimal> magnitudes = new ArrayList<>();
        for (Candidate c : documentAmounts) {
            if (c.value() instanceof BigDecimal v && v.signum() != 0) {
                magnitudes.add(v.abs());
            }
        }
        for (Candidate c : documentAmounts) {
            if (!(c.value() instanceof BigDecimal v) || v.signum() == 0 || c.from() == 0) {
                continue;
            }
            Matcher rate = RATE_BEFORE.matcher(c.line().textOf(0, c.from()).strip());
            if (!rate.find()) {
                continue;
            }
            BigDecimal r = new BigDecimal(rate.group(1).replace(',', '.'));
            if (r.signum() == 0) {
                continue;
            }
            BigDecimal share = r.divide(r.add(BigDecimal.valueOf(100)), MathContext.DECIMAL64);
            for (BigDecimal gross : magnitudes) {
                if (gross.compareTo(v.abs()) > 0
                        && gross.multiply(share).subtract(v.abs()).abs().compareTo(HALF_CENT) <= 0) {
                    includedTaxes.add(At.of(c));
                    break;
                }
            }
        }
    }

    /** The left label of an amount, naming the tax when the amount is a tax included in another. */
    private Label amountLabel(Candidate c, FieldKind kind) {
        Label left = doc.leftLabel(c.line(), c.from(), kind);
        if (left.isNone() || !(c.value() instanceof BigDecimal) || !includedTaxes.contains(At.of(c))) {
            return left;
        }
        LabelMatch m = left.match();
        return new Label(
                left.text(),
                left.tokens(),
                new LabelMatch(Set.of(TAX), m.coverage(), m.matchedTokens(), m.labelTokens()),
                left.box(),
                left.gap(),
                left.sameSegment(),
                left.distance());
    }

    /**
     * Whether the amount is a tax of the whole document: its own label names a tax ("BTW 21%",
     * not "Total incl. VAT"), or its row's caption does ("TVA 20% payée … 5.00"), or it stands
     * under a tax column header on a totals row ("Total facture 24.99 5.00 29.99"). A column of
     * per-rate taxes ("A 20% 8,08 1,62 9,70") is captioned "TVA" too; its rows are not totals.
     */
    private boolean isDocumentTax(Candidate c) {
        LabelMatch row = rowCaption(c.line());
        return namesTax(amountLabel(c, FieldKind.AMOUNT).match())
                || namesTax(row)
                || namesTax(doc.aboveLabel(c.line(), c.box()).match())
                        && row.concepts().stream()
                                .anyMatch(id -> doc.lexicon().concept(id).has("total"));
    }

    /** Whether a label names a tax in any way: the amount is no side of a tax. */
    private boolean isAnyTax(Candidate c) {
        Label left = amountLabel(c, FieldKind.AMOUNT);
        return namesTax(left.isNone() ? doc.aboveLabel(c.line(), c.box()).match() : left.match());
    }

    /** A tax and no other summary amount. */
    private boolean namesTax(LabelMatch match) {
        Set<String> concepts = match.concepts();
        return concepts.contains(TAX)
                && concepts.stream()
                        .noneMatch(id ->
                                !id.equals(TAX) && doc.lexicon().concept(id).has("total"));
    }

    /** What the words opening a line, before its first number, name. */
    private LabelMatch rowCaption(TextLine line) {
        int end = 0;
        while (end < line.words().size()
                && !DocumentIndex.hasDigit(line.words().get(end).text())) {
            end++;
        }
        return end == 0 ? LabelMatch.NONE : doc.lexicon().match(Tokenizer.tokens(line.textOf(0, end)));
    }

    double[] features(FieldQuery query, Candidate c, List<Candidate> competitors) {
        return features(query, c, competitors, null);
    }

    /**
     * The features, with the other field's best value this one is checked against ({@code null} if
     * none): the party's name for an address, the issue date for a due date.
     */
    double[] features(FieldQuery query, Candidate c, List<Candidate> competitors, Scored reference) {
        double[] x = new double[Feature.values().length];
        x[Feature.BIAS.ordinal()] = 1;
        set(x, Feature.LOG_COMPETITORS, Math.log1p(competitors.size()));
        set(x, Feature.LOG_REPEATS, Math.log(repeats(c, competitors)));
        set(x, Feature.QUALITY, c.quality());
        switch (c.source()) {
            case SCANNED -> set(x, Feature.SOURCE_SCANNED, 1);
            case AFTER_LABEL -> set(x, Feature.SOURCE_AFTER_LABEL, 1);
            case TOKENS -> set(x, Feature.SOURCE_TOKENS, 1);
            case BLOCK -> set(x, Feature.SOURCE_BLOCK, 1);
            case INFERRED -> set(x, Feature.SOURCE_INFERRED, 1);
            case SEGMENT -> {}
        }
        if (c.isInferred()) {
            return x;
        }
        TextLine line = c.line();
        Label left = amountLabel(c, query.kind());
        Label above = doc.aboveLabel(line, figuresBox(c));
        Naming leftNaming = naming(query, left);
        Naming aboveNaming = naming(query, above);
        set(x, Feature.LEFT_LABEL_SIM, leftNaming.similarity());
        set(x, Feature.LEFT_LABEL_TOP, leftNaming.top() ? 1 : 0);
        set(x, Feature.LEFT_LABEL_OTHER, leftNaming.other());
        set(x, Feature.LEFT_LABEL_SAME_SEGMENT, !left.isNone() && left.sameSegment() ? 1 : 0);
        set(x, Feature.LEFT_LABEL_GAP, left.isNone() ? 0 : Math.min(1, left.gap() * 3));
        set(x, Feature.ABOVE_LABEL_SIM, aboveNaming.similarity());
        set(x, Feature.ABOVE_LABEL_TOP, aboveNaming.top() ? 1 : 0);
        set(x, Feature.ABOVE_LABEL_OTHER, aboveNaming.other());
        set(x, Feature.ABOVE_LABEL_DISTANCE, above.isNone() ? 0 : Math.min(1, above.distance() / 3.0));
        set(x, Feature.LABEL_LEXICAL, Math.max(leftNaming.lexical(), 0.8 * aboveNaming.lexical()));
        set(
                x,
                Feature.LABEL_NEGATED,
                query.negates(left.match().concepts())
                                || query.negates(above.match().concepts())
                        ? 1
                        : 0);
        set(x, Feature.NO_LABEL, left.isNone() && above.isNone() ? 1 : 0);

        List<String> ownTokens = Tokenizer.tokens(c.text());
        LabelMatch own = doc.lexicon().match(ownTokens);
        set(x, Feature.OWN_TEXT_IS_LABEL, own.isEmpty() ? 0 : own.coverage());
        set(x, Feature.OWN_TEXT_SIM, query.weightOf(own.concepts()) * own.coverage());

        set(x, Feature.Y_POSITION, c.box().centerY());
        set(x, Feature.X_POSITION, c.box().centerX());
        set(x, Feature.LATER_PAGE, line.page() > 1 ? 1 : 0);
        set(x, Feature.FIRST_LINES, line.page() == 1 && line.pageIndex() < 3 ? 1 : 0);
        double font = 0;
        boolean bold = false;
        for (int i = c.from(); i < c.to(); i++) {
            Word w = line.words().get(i);
            font = Math.max(font, w.fontSize());
            bold |= w.bold();
        }
        double heightRatio = doc.medianLineHeight() > 0 ? line.height() / doc.medianLineHeight() : 1;
        double fontRatio = font > 0 && doc.medianFontSize() > 0 ? font / doc.medianFontSize() : heightRatio;
        set(x, Feature.FONT_RATIO, Math.max(-1, Math.min(2, fontRatio - 1)));
        set(x, Feature.BOLD, bold ? 1 : 0);
        set(x, Feature.OCR_CONFIDENCE, line.confidence(c.from(), c.to()));
        set(x, Feature.TABLE_ROW, amountsPerLine.getOrDefault(line.index(), 0) >= 3 ? 1 : 0);

        if (c.value() instanceof BigDecimal v) {
            amountFeatures(x, v);
            set(x, Feature.TAX_SIDE, taxSide(query, c, v));
            set(x, Feature.ROUNDING_SIDE, roundingSide(query, c, v));
            if (query.weightOf(Set.of(YEAR_TO_DATE)) == 0 && cumulative(c)) {
                set(x, Feature.CUMULATIVE, 1);
            }
        }
        Party party = doc.blockParty(line, c.box());
        if (party == null && doc.isSenderName(c.text())) {
            party = doc.issuer();
        }
        Party.Role role = party == null ? Party.Role.NONE : party.roleOn(doc.issuer());
        if (party == Party.EMPLOYEE) {
            role = Party.Role.RECIPIENT;
        }
        if (query.role() != Party.Role.NONE && role != Party.Role.NONE) {
            set(x, role == query.role() ? Feature.ROLE_MATCH : Feature.ROLE_MISMATCH, 1);
        }
        if (role == Party.Role.NONE && query.role() != Party.Role.NONE) {
            set(x, Feature.UNLABELLED_ISSUER_SIDE, query.role() == Party.Role.ISSUER ? 1 : -1);
        }
        if (query.role() != Party.Role.NONE && (query.kind() == FieldKind.NAME || query.kind() == FieldKind.ADDRESS)) {
            // The letterhead and the footer belong to whoever issued the document, and the issuer's
            // details recur: a buyer's field on a purchase order is the opposite of a seller's on an invoice.
            int sign = query.role() == Party.Role.ISSUER ? 1 : -1;
            if (party == null) {
                // A labelled value has its role already; an unlabelled one is placed by where else it is printed.
                set(x, Feature.ROLE_ECHOES, sign * Math.log1p(doc.echoes(line, c.from(), c.to(), query.party())));
                double y = c.box().centerY();
                set(x, Feature.ROLE_LETTERHEAD, line.page() == 1 && y < LETTERHEAD ? sign : 0);
                set(x, Feature.ROLE_FOOTER, y > 0.9 ? sign : 0);
            }
        }
        int rangePosition = rangePosition(c, competitors);
        if (query.range() != 0 && rangePosition != 0) {
            set(x, query.range() == rangePosition ? Feature.RANGE_AGREE : Feature.RANGE_DISAGREE, 1);
        }
        textFeatures(x, query, c);
        if (reference != null && query.kind() == FieldKind.ADDRESS) {
            Candidate name = reference.candidate();
            set(
                    x,
                    Feature.UNDER_PARTY_NAME,
                    under(c, name) && !tailOfBlockUnder(c, name, competitors) ? reference.score() : 0);
        }
        if (reference != null && query.kind() == FieldKind.DATE) {
            // Cross-field check: a due date on or after the issue date agrees with it, one before contradicts it.
            int order =
                    c.value().toString().compareTo(reference.candidate().value().toString());
            set(x, Feature.BEFORE_ISSUE_DATE, order < 0 ? reference.score() : 0);
        }
        return x;
    }

    /** A short label that is exactly a phrase counts fully; a long sentence containing one less. */
    private static double coverageFactor(LabelMatch match) {
        return match.isEmpty() ? 0 : 0.5 + 0.5 * match.coverage();
    }

    /**
     * The box of a number's words from its first figure on: "GBP 3,336.00" after "Total" has its
     * currency code in the caption's column, where the caption of the row above ("VAT 20%") would
     * become its label above. The whole box for other candidates (an address's label above is
     * over its first word, figures or not).
     */
    private static Box figuresBox(Candidate c) {
        if (!(c.value() instanceof BigDecimal)) {
            return c.box();
        }
        for (int i = c.from(); i < c.to(); i++) {
            if (DocumentIndex.hasDigit(c.line().words().get(i).text())) {
                return i == c.from() ? c.box() : c.line().boxOf(i, c.to());
            }
        }
        return c.box();
    }

    /**
     * How a label names the field.
     *
     * @param similarity by the lexicon's concepts the field is about, or by the field's own words
     * @param top whether it names the field's top concept, or prints the field's name
     * @param other how strongly it names something the field is not
     * @param lexical its overlap with the field's own words ({@link FieldQuery#lexicalSimilarity})
     */
    private record Naming(double similarity, boolean top, double other, double lexical) {}

    /**
     * How a label names the field. For a field the lexicon has no concept for ("monthly_rent",
     * "tracking_number") its own words stand in for the concepts the weights were fitted on, so a
     * label printing the field's name counts as much as a synonym from the lexicon does. A label
     * that prints the field's name names it whatever the lexicon makes of its words: "Opening
     * balance" for opening_balance, where the lexicon knows only "balance".
     */
    private static Naming naming(FieldQuery query, Label label) {
        LabelMatch match = label.match();
        double byConcept = query.weightOf(match.concepts()) * coverageFactor(match);
        double lexical = query.lexicalSimilarity(label.tokens());
        boolean printsName = lexical >= NAMES_THE_FIELD;
        double similarity = query.topConcept() == null || printsName ? Math.max(byConcept, lexical) : byConcept;
        boolean top =
                printsName || query.topConcept() != null && match.concepts().contains(query.topConcept());
        double other = match.isEmpty() || query.weightOf(match.concepts()) > 0 || printsName ? 0 : match.coverage();
        return new Naming(similarity, top, other, lexical);
    }

    /**
     * The share of a text's words (three or more) that begin with a lower-case letter: prose
     * ("This Lease Agreement is made on … between …", "Thank you for your business") rather than
     * a name, an address or a caption, whose words are capitalized.
     */
    static double lowerCaseShare(String text) {
        int words = 0;
        int lower = 0;
        for (String word : text.split("\\s+")) {
            int first = 0;
            while (first < word.length() && !Character.isLetter(word.charAt(first))) {
                first++;
            }
            if (first < word.length()) {
                words++;
                if (Character.isLowerCase(word.charAt(first))) {
                    lower++;
                }
            }
        }
        return words < 3 ? 0 : lower / (double) words;
    }

    private void amountFeatures(double[] x, BigDecimal v) {
        set(x, Feature.NEGATIVE, v.signum() < 0 ? 1 : 0);
        BigDecimal abs = v.abs();
        int greater = 0;
        BigDecimal max = BigDecimal.ZERO;
        for (BigDecimal a : amounts) {
            if (a.abs().compareTo(abs) > 0) {
                greater++;
            }
            max = max.max(a.abs());
        }
        set(x, Feature.IS_MAX_AMOUNT, abs.compareTo(max) == 0 ? 1 : 0);
        set(x, Feature.AMOUNT_RANK, amounts.isEmpty() ? 0 : Math.min(1, greater / 5.0));
        if (abs.signum() == 0) {
            return;
        }
        BigDecimal tolerance = TOLERANCE;
        List<BigDecimal> distinct =
                amounts.stream().map(BigDecimal::abs).distinct().limit(200).toList();
        boolean sum = false;
        boolean part = false;
        for (int i = 0; i < distinct.size() && !(sum && part); i++) {
            BigDecimal a = distinct.get(i);
            if (a.signum() == 0 || a.compareTo(abs) == 0) {
                continue;
            }
            for (int j = i + 1; j < distinct.size(); j++) {
                BigDecimal b = distinct.get(j);
                if (b.signum() == 0 || b.compareTo(abs) == 0) {
                    continue;
                }
                if (a.add(b).subtract(abs).abs().compareTo(tolerance) <= 0) {
                    sum = true;
                }
            }
            for (BigDecimal b : distinct) {
                if (b.compareTo(a) != 0 && abs.add(a).subtract(b).abs().compareTo(tolerance) <= 0) {
                    part = true;
                }
            }
        }
        set(x, Feature.SUM_OF_TWO, sum ? 1 : 0);
        set(x, Feature.PART_OF_SUM, part ? 1 : 0);
    }

    /**
     * Cross-field check subtotal + tax = total, made specific: which side of a labelled tax the
     * amount is on, signed by the side the field's concept is on (lexicon tag {@code side}). A
     * "Subtotaal" of tax-inclusive prices is the gross, and the net beside it is the net field's.
     */
    private double taxSide(FieldQuery query, Candidate c, BigDecimal v) {
        String side = query.topConcept() == null
                ? null
                : doc.lexicon().concept(query.topConcept()).tag(SIDE);
        if (side == null || v.signum() == 0 || taxes.isEmpty() || isAnyTax(c)) {
            return 0;
        }
        BigDecimal abs = v.abs();
        // A rounded total is on the side of the amount it rounds: "98.37" is net plus tax, so is "98.35".
        List<BigDecimal> bases = new ArrayList<>(List.of(abs));
        bases.addAll(rounded(c, abs));
        boolean gross = false;
        boolean net = false;
        for (BigDecimal tax : taxes) {
            // The other side is an amount no tax label names: two rates' taxes do not add up to a total.
            for (BigDecimal other : untaxed) {
                if (other.compareTo(abs) == 0) {
                    continue;
                }
                for (BigDecimal base : bases) {
                    gross |= other.compareTo(base) != 0
                            && other.add(tax).subtract(base).abs().compareTo(TOLERANCE) <= 0;
                }
                net |= abs.add(tax).subtract(other).abs().compareTo(TOLERANCE) <= 0;
            }
        }
        int position = (gross ? 1 : 0) - (net ? 1 : 0);
        return "net".equals(side) ? -position : position;
    }

    /**
     * Which side of a rounding adjustment the amount is on, for a gross field (a total "including
     * rounding"): +1 when it is an earlier amount with a rounding printed between them applied
     * ("TOTAL 33.92", "ROUNDING ADJ -0.02", "TOTAL ROUNDED 33.90": the last), -1 when a later
     * amount applies a rounding printed after it to it (the 33.92). The adjustment's printed sign
     * is not trusted (receipts print "-0.02" and "0.02" for the same step): the reading order
     * says which amount came first.
     */
    private double roundingSide(FieldQuery query, Candidate c, BigDecimal v) {
        String side = query.topConcept() == null
                ? null
                : doc.lexicon().concept(query.topConcept()).tag(SIDE);
        if (!"gross".equals(side) || v.signum() == 0 || roundings.isEmpty()) {
            return 0;
        }
        BigDecimal abs = v.abs();
        int line = c.line().index();
        boolean before = false;
        for (Placed rounding : roundings) {
            for (Placed other : placed) {
                before |= line < rounding.line()
                        && rounding.line() < other.line()
                        && other.magnitude().subtract(abs).abs().compareTo(rounding.magnitude()) == 0;
            }
        }
        return (rounded(c, abs).isEmpty() ? 0 : 1) - (before ? 1 : 0);
    }

    /** The earlier amounts this one is with a rounding printed between them applied (usually none). */
    private List<BigDecimal> rounded(Candidate c, BigDecimal abs) {
        List<BigDecimal> out = new ArrayList<>();
        int line = c.line().index();
        for (Placed rounding : roundings) {
            for (Placed other : placed) {
                if (other.line() < rounding.line()
                        && rounding.line() < line
                        && other.magnitude().subtract(abs).abs().compareTo(rounding.magnitude()) == 0) {
                    out.add(other.magnitude());
                }
            }
        }
        return out;
    }

    /**
     * Whether the amount stands under a year-to-date column header ("Current | Year to date") or in
     * a block a heading opens ("Year to date" / "GROSS PAY 27.495,67 €"; "Cumul" / "Net à payer …").
     */
    private boolean cumulative(Candidate c) {
        if (doc.aboveLabel(c.line(), c.box()).match().concepts().contains(YEAR_TO_DATE)) {
            return true;
        }
        List<TextLine> page = doc.pageLines(c.line().page());
        for (int i = c.line().pageIndex() - 1; i >= Math.max(0, c.line().pageIndex() - HEADING_LINES); i--) {
            LabelMatch heading =
                    doc.lexicon().match(Tokenizer.tokens(page.get(i).text()));
            if (heading.concepts().contains(YEAR_TO_DATE) && heading.coverage() >= 0.99) {
                return true;
            }
        }
        return false;
    }

    private void textFeatures(double[] x, FieldQuery query, Candidate c) {
        String text = c.text();
        int digits = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isDigit(ch)) {
                digits++;
            } else if (Character.isLetter(ch)) {
                letters++;
            }
        }
        set(x, Feature.DIGIT_SHARE, digits + letters == 0 ? 0 : digits / (double) (digits + letters));
        set(x, Feature.LOG_LENGTH, Math.log1p(text.length()) / 4);
        set(x, Feature.WORD_COUNT, Math.min(10, text.split("\\s+").length) / 10.0);
        set(x, Feature.LOWER_CASE_WORDS, lowerCaseShare(text));
        // A legal form marks a company's name: evidence for a field that asks for a name, none for
        // other text ("payment_terms" took the letterhead's "… Ltd" over "30 days net").
        if (query.kind() == FieldKind.NAME || query.kind() == FieldKind.TEXT && query.asksForAName()) {
            boolean legal = false;
            for (String token : Tokenizer.tokens(text)) {
                legal |= LegalForms.isLegalForm(token);
            }
            String lower = text.toLowerCase(Locale.ROOT);
            legal |= lower.contains("s.a.")
                    || lower.contains("s.l.")
                    || lower.contains("b.v.")
                    || lower.contains("& co");
            set(x, Feature.LEGAL_FORM, legal ? 1 : 0);
        }
        if (query.kind() == FieldKind.ADDRESS || query.kind() == FieldKind.NAME) {
            double shape = 0;
            if (POSTCODE.matcher(text).find()) {
                shape += 0.5;
            }
            if (HOUSE_NUMBER.matcher(text).find()) {
                shape += 0.25;
            }
            if (letters > digits) {
                shape += 0.25;
            }
            set(x, Feature.ADDRESS_SHAPE, shape);
            set(x, Feature.HAS_CONTACT, text.contains("@") || text.matches(".*\\+?\\d[\\d ]{7,}\\d.*") ? 1 : 0);
            set(x, Feature.LINE_SPAN, Math.min(5, c.lineSpan()) / 5.0);
        }
        if (query.kind() == FieldKind.NAME || query.kind() == FieldKind.TEXT || query.kind() == FieldKind.ADDRESS) {
            set(x, Feature.LABEL_COLON, followedByColon(c) ? 1 : 0);
            set(x, Feature.AMOUNT_BESIDE, amountBeside(c) ? 1 : 0);
        }
        if (c.source() == Source.SCANNED && query.kind() == FieldKind.IDENTIFIER) {
            set(x, Feature.SPECIFIC_SCANNER, 1);
        }
    }

    /**
     * Whether the candidate starts on one of the two lines under the name (under its last line,
     * when the name wraps), in its column: left-aligned with it, or centred under it as a
     * receipt's header centres every line.
     */
    private boolean under(Candidate c, Candidate name) {
        if (name.isInferred() || c.line().page() != name.line().page()) {
            return false;
        }
        int nameEnd = name.line().pageIndex() + name.lineSpan() - 1;
        int below = c.line().pageIndex() - nameEnd;
        return (below >= 1 && below <= 2 || below > 2 && onlyRegistrationLinesBetween(nameEnd, c.line()))
                && (Math.abs(c.box().x0() - name.box().x0()) < 0.03
                        || Math.abs(c.box().centerX() - name.box().centerX()) < 0.03);
    }

    /**
     * Whether the candidate is the tail of another block that starts under the name closer to it
     * and runs on through the candidate's first line ("3RD FLR, AEON TAMAN MALURI SC" / "JLN
     * JEJAKA, …" / "…, 55100 KUALA LUMPUR": the block from the second line is not where the
     * address starts).
     */
    private boolean tailOfBlockUnder(Candidate c, Candidate name, List<Candidate> competitors) {
        int first = c.line().pageIndex();
        for (Candidate other : competitors) {
            if (other.source() != Source.BLOCK
                    || other.line().page() != c.line().page()
                    || other.line().pageIndex() >= first) {
                continue;
            }
            if (other.line().pageIndex() + other.lineSpan() - 1 >= first && under(other, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every line between {@code from} and {@code line} is a registration or tax number
     * ("(Co. No. 113825-W)" / "(GST Reg No. 001492992000)"): they belong to the name's block, and
     * the address starts right under them.
     */
    private boolean onlyRegistrationLinesBetween(int from, TextLine line) {
        List<TextLine> page = doc.pageLines(line.page());
        for (int i = from + 1; i < line.pageIndex(); i++) {
            if (!isRegistrationLine(page.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a line is an identifier's caption and number and nothing else: "(Co. No. 113825-W)",
     * "GST ID : 002017394688".
     */
    private boolean isRegistrationLine(TextLine line) {
        return registrationLines.computeIfAbsent(line.index(), i -> readsAsRegistration(line));
    }

    private boolean readsAsRegistration(TextLine line) {
        StringBuilder caption = new StringBuilder();
        boolean number = false;
        for (Word w : line.words()) {
            if (DocumentIndex.hasDigit(w.text())) {
                number = true;
            } else if (number) {
                return false;
            } else {
                caption.append(w.text()).append(' ');
            }
        }
        LabelMatch label = doc.lexicon().match(Tokenizer.tokens(caption.toString()));
        return number
                && !label.isEmpty()
                && label.coverage() >= 0.99
                && label.concepts().stream()
                        .allMatch(id -> "id".equals(doc.lexicon().concept(id).tag("kind")));
    }

    private boolean amountBeside(Candidate c) {
        for (int word : amountWords.getOrDefault(c.line().index(), List.of())) {
            if (word < c.from() || word >= c.to()) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedByColon(Candidate c) {
        List<Word> words = c.line().words();
        String last = words.get(c.to() - 1).text();
        return last.endsWith(":")
                || c.to() < words.size() && words.get(c.to()).text().startsWith(":");
    }

    private static double repeats(Candidate c, List<Candidate> competitors) {
        int n = 0;
        for (Candidate other : competitors) {
            if (other.value().equals(c.value())) {
                n++;
            }
        }
        return Math.max(1, n);
    }

    /** -1 when another value of the kind follows on the same line, +1 when one precedes it. */
    private static int rangePosition(Candidate c, List<Candidate> competitors) {
        boolean before = false;
        boolean after = false;
        for (Candidate other : competitors) {
            if (other == c
                    || other.line() == null
                    || other.line().index() != c.line().index()) {
                continue;
            }
            if (other.to() <= c.from()) {
                before = true;
            } else if (other.from() >= c.to()) {
                after = true;
            }
        }
        if (before == after) {
            return 0;
        }
        return after ? -1 : 1;
    }

    private static void set(double[] x, Feature f, double value) {
        x[f.ordinal()] = value;
    }
}
