package io.docextract.engine.fields;

import io.docextract.engine.FieldSpec;
import io.docextract.engine.FieldType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a field is about, worked out from its name, description and type alone: the lexicon
 * concepts it means (weighted, the best at 1), the concepts its description rules out, the
 * party it belongs to and the role that party plays on the document, whether it is the start
 * or end of a range, and its {@link FieldKind}.
 *
 * @param conceptWeights concept id → weight in (0, 1]; labels naming a heavier concept are better
 * @param topConcept the best concept, or null when nothing in the lexicon fits
 * @param negated concepts the description excludes ("not the due date")
 * @param role whether the field belongs to the party that issued the document
 * @param range +1 for the end of a range, -1 for its start, 0 otherwise
 * @param asksForPercentage whether the field is a percentage: its name or description says so
 *     ("percent", "%"), or the concept it is about is one (lexicon tag {@code unit=percent})
 */
public record FieldQuery(
        FieldSpec field,
        FieldKind kind,
        List<String> nameTokens,
        List<String> descriptionTokens,
        Map<String, Double> conceptWeights,
        String topConcept,
        Set<String> negated,
        Party party,
        Party.Role role,
        int range,
        boolean asksForPercentage) {

    private static final Set<String> NEGATIONS =
            Set.of("not", "never", "excluding", "exclude", "except", "nicht", "kein", "pas", "sans");
    private static final Set<String> ID_HEADS = Set.of("no", "id", "code", "ref", "reference", "iban", "bic", "swift");
    private static final double NAME_WEIGHT = 0.7;
    private static final double RELATED_WEIGHT = 0.9;
    /** The weight of a concept whose labels caption the field's (lexicon tag {@code caption=}). */
    private static final double CAPTION_WEIGHT = 0.6;

    /**
     * Sharpened weights below this are dropped: a concept that only shares the field's one word
     * ("total tax" for a field named "total") is another concept, not a weaker version of it.
     */
    private static final double MIN_WEIGHT = 0.2;

    /**
     * The least fit (name and description against a concept's phrases) at which the field is about
     * that concept at all. Sharing one word of two ("late fee" and "delivery fee": 0.35) is not
     * enough; one word of a two-word name that is the whole phrase ("shipping fee" and "shipping":
     * 0.47) is. Below it the field has no concept and its labels are matched by its own words.
     */
    private static final double MIN_FIT = 0.4;

    /** What a concept's fit counts when the field's head word is one the lexicon does not have. */
    private static final double UNKNOWN_HEAD = 0.5;

    private static final Set<String> NAME_WORDS = Set.of("name", "company", "firm", "business", "organization");

    private static final Set<String> PERCENT_WORDS = Set.of("percent", "percentage", "pct", "prozent", "pourcentage");

    /** "As printed" in six languages, and words for verbatim. */
    private static final Pattern AS_PRINTED =
            Pattern.compile("(?iU)\\b(?:verbatim|wörtlich|letterlijk|textuellement|literalmente|testualmente)\\b"
                    + "|(?:\\b(?:as|wie|zoals|come|comme|como|tal\\s+como|tal\\s+cual|così\\s+come)\\s+"
                    + "(?:it\\s+(?:is|was|appears)\\s+|está\\s+|esta\\s+|è\\s+|aparece\\s+)?"
                    + "|\\btel(?:le)?s?\\s+qu['’]\\s*)"
                    + "(?:printed|written|gedruckt|geschrieben|gedrukt|geschreven|stampat[oaie]|scritt[oaie]"
                    + "|imprimée?s?|écrite?s?|impres[oa]s?|escrit[oa]s?)\\b");

    private static final Set<String> RANGE_WORDS =
            Set.of("start", "begin", "from", "first", "beginning", "end", "to", "until", "last", "through");

    public FieldQuery {
        nameTokens = List.copyOf(nameTokens);
        descriptionTokens = List.copyOf(descriptionTokens);
        conceptWeights = Map.copyOf(conceptWeights);
        negated = Set.copyOf(negated);
    }

    /**
     * Builds the query of a field of an extractor whose documents are issued by {@code issuer}
     * (the seller for invoices and receipts, the buyer for purchase orders).
     */
    static FieldQuery of(FieldSpec field, Lexicon lexicon, Party issuer) {
        return of(field, lexicon, issuer, Set.of());
    }

    /**
     * As {@link #of(FieldSpec, Lexicon, Party)}, with the top concepts of the extractor's fields:
     * a concept related to this field's (the amount due to a total) counts for it only when no
     * field is about that concept itself.
     */
    static FieldQuery of(FieldSpec field, Lexicon lexicon, Party issuer, Set<String> claimed) {
        String name = field.name() == null ? "" : field.name().replace('_', ' ').replace('-', ' ');
        List<String> nameTokens = Tokenizer.tokens(camelToWords(name));
        List<String> description = descriptionTokens(field.description());
        Set<String> negated = negatedConcepts(field.description(), lexicon);

        List<String> descriptionWords = Tokenizer.tokens(field.description());
        Map<String, Double> raw = new HashMap<>();
        // The last word of a field's name is its head ("account_holder" is a holder); a range word
        // after it ("billing_period_start") is not.
        String head = headOf(nameTokens);
        boolean headKnown = head.isEmpty() || GENERIC.contains(head);
        for (Concept concept : lexicon.concepts()) {
            if (concept.has("title")) {
                continue;
            }
            double nameScore = 0;
            double descScore = 0;
            for (List<String> phrase : concept.phrases()) {
                headKnown |= phrase.contains(head);
                nameScore = Math.max(nameScore, f1(phrase, nameTokens));
                if (containsPhrase(descriptionWords, phrase)) {
                    // Longer phrases found in a description say more than a single common word.
                    descScore = Math.max(descScore, phrase.size() / (phrase.size() + 1.0));
                }
            }
            double score = NAME_WEIGHT * nameScore + (1 - NAME_WEIGHT) * descScore;
            if (score > 0 && !negated.contains(concept.id())) {
                raw.put(concept.id(), score);
            }
        }
        if (!headKnown) {
            // No concept has the head word: the field is about something the lexicon does not
            // know, and what its other words share with a concept (account number) only
            // qualifies it.
            raw.replaceAll((concept, score) -> score * UNKNOWN_HEAD);
        }
        Party party = bestParty(raw, lexicon);
        FieldKind kind = kindOf(field, nameTokens, raw, lexicon, party);
        Map<String, Double> weights = sharpen(raw, lexicon, kind);
        // Other concepts keep their weight (an "Invoice" label near a date says something), but
        // the field is about a concept that can hold its kind of value.
        String top = weights.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Double>, Boolean>comparing(
                                e -> holds(lexicon.concept(e.getKey()), kind))
                        .thenComparing(Map.Entry.comparingByValue()))
                .map(Map.Entry::getKey)
                .orElse(null);
        String related = top == null ? null : lexicon.concept(top).tag("related");
        if (related != null && !claimed.contains(related) && !negated.contains(related)) {
            weights.merge(related, RELATED_WEIGHT, Math::max);
        }
        // "invoice_date" shares "invoice" with the invoice number and so took its caption as a
        // label; "issue_date" or "date" for the same field did not, and lost 3 to 4 of 13 dates.
        String caption = top == null ? null : lexicon.concept(top).tag("caption");
        if (caption != null && !negated.contains(caption)) {
            weights.merge(caption, CAPTION_WEIGHT, Math::max);
        }
        Party.Role role = party == null ? Party.Role.NONE : party.roleOn(issuer);
        if (party == Party.EMPLOYEE) {
            role = Party.Role.RECIPIENT;
        }
        int range = rangeOf(nameTokens);
        boolean percentage = namesPercentage(field, nameTokens, description)
                || top != null && "percent".equals(lexicon.concept(top).tag("unit"));
        return new FieldQuery(
                field, kind, nameTokens, description, weights, top, negated, party, role, range, percentage);
    }

    /** The query's weight for a label that names these concepts (the best of them), 0 if none. */
    double weightOf(Set<String> concepts) {
        double best = 0;
        for (String concept : concepts) {
            best = Math.max(best, conceptWeights.getOrDefault(concept, 0.0));
        }
        return best;
    }

    /** Whether the field is a name: of a party, or its name or description says "name" or "company". */
    boolean asksForAName() {
        return party != null
                || nameTokens.stream().anyMatch(NAME_WORDS::contains)
                || descriptionTokens.stream().anyMatch(NAME_WORDS::contains);
    }

    /**
     * Whether the description asks for the value as printed ("Address of the shop as printed on the
     * receipt", "wie gedruckt", "tel qu'imprimé", "zoals gedrukt", "come stampato", "tal como
     * impreso", "verbatim"): then a value printed over several lines is those lines' words as they
     * stand, the line breaks read as spaces, with no separator the print does not have. Without it,
     * an address's lines join in the usual one-line form, with ", " where the print has nothing.
     */
    boolean asksForPrintedText() {
        return field.description() != null
                && AS_PRINTED.matcher(field.description()).find();
    }

    /** Whether the field's name or description asks for a percentage ("percent", "%"). */
    private static boolean namesPercentage(FieldSpec field, List<String> nameTokens, List<String> description) {
        if (field.description() != null && field.description().contains("%")) {
            return true;
        }
        return nameTokens.stream().anyMatch(PERCENT_WORDS::contains)
                || description.stream().anyMatch(PERCENT_WORDS::contains);
    }

    boolean negates(Set<String> concepts) {
        return !Collections.disjoint(concepts, negated);
    }

    /**
     * Lexical overlap of a label's words (stop words aside: "Number of packages") with the field's
     * own: its name, or a description the label says all of ("Number of packages" for a field
     * package_count described so), or, weighed less, a description the label is part of.
     */
    double lexicalSimilarity(List<String> labelTokens) {
        List<String> words = Tokenizer.withoutStopWords(labelTokens);
        if (words.isEmpty()) {
            return 0;
        }
        double name = f1(words, nameTokens);
        double desc = Math.max(0.6 * coverage(words, descriptionTokens), f1(words, descriptionTokens));
        return Math.max(name, desc);
    }

    private static List<String> descriptionTokens(String description) {
        return Tokenizer.contentTokens(description);
    }

    private static Set<String> negatedConcepts(String description, Lexicon lexicon) {
        List<String> tokens = Tokenizer.tokens(description);
        Set<String> out = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean comparative = (t.equals("other") || t.equals("rather"))
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).equals("than");
            if (!NEGATIONS.contains(t) && !comparative) {
                continue;
            }
            int from = comparative ? i + 2 : i + 1;
            List<String> scope = new ArrayList<>();
            for (int j = from; j < tokens.size() && scope.size() < 5; j++) {
                String s = tokens.get(j);
                if (s.equals("but") || s.equals("sondern") || s.equals("mais")) {
                    break;
                }
                if (!s.equals("the") && !s.equals("a") && !s.equals("an")) {
                    scope.add(s);
                }
            }
            out.addAll(lexicon.mentioned(scope));
        }
        return out;
    }

    private static Party bestParty(Map<String, Double> raw, Lexicon lexicon) {
        Party best = null;
        double bestScore = 0.3;
        for (Map.Entry<String, Double> e : raw.entrySet()) {
            Party party = lexicon.concept(e.getKey()).party();
            if (party != null && e.getValue() > bestScore) {
                best = party;
                bestScore = e.getValue();
            }
        }
        return best;
    }

    private static FieldKind kindOf(
            FieldSpec field, List<String> nameTokens, Map<String, Double> raw, Lexicon lexicon, Party party) {
        FieldType type = field.type();
        switch (type) {
            case DATE:
                return FieldKind.DATE;
            case CURRENCY:
                return FieldKind.AMOUNT;
            case NUMBER:
                return FieldKind.NUMBER;
            case EMAIL:
                return FieldKind.EMAIL;
            case PHONE:
                return FieldKind.PHONE;
            case BOOLEAN:
                return FieldKind.BOOLEAN;
            default:
                break;
        }
        String last = nameTokens.isEmpty() ? "" : nameTokens.getLast();
        // A currency is read from symbols and codes alike; a list of allowed codes only narrows it.
        if (nameTokens.contains("currency") || last.equals("waehrung")) {
            return FieldKind.CURRENCY_CODE;
        }
        if (!field.enumValues().isEmpty()) {
            return FieldKind.CHOICE;
        }
        if (ID_HEADS.contains(last) || nameTokens.contains("iban") || nameTokens.contains("bic")) {
            return FieldKind.IDENTIFIER;
        }
        if (nameTokens.contains("address") || nameTokens.contains("adresse")) {
            return FieldKind.ADDRESS;
        }
        if (last.equals("name") || last.equals("company")) {
            return nameKind(party);
        }
        // Nothing in the name decides: follow the concept the field means best. On a tie, what the
        // value is beats whose it is: "vendor_website" is a website that belongs to the seller,
        // not the seller's name (which it would then take from "vendor_name").
        String top = raw.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_FIT)
                .max(Map.Entry.<String, Double>comparingByValue()
                        .thenComparing(e -> lexicon.concept(e.getKey()).party() == null))
                .map(Map.Entry::getKey)
                .orElse(null);
        if (top != null) {
            Concept concept = lexicon.concept(top);
            String kind = concept.tag("kind");
            if (concept.party() != null || "name".equals(kind)) {
                return nameKind(party);
            }
            if ("id".equals(kind)) {
                return FieldKind.IDENTIFIER;
            }
            if ("address".equals(kind)) {
                return FieldKind.ADDRESS;
            }
            if ("currency".equals(kind)) {
                return FieldKind.CURRENCY_CODE;
            }
        }
        return FieldKind.TEXT;
    }

    /**
     * A party's name is a {@link FieldKind#NAME}: its model learned from sellers, buyers and
     * employees, found mostly by where they sit (letterhead, party blocks, legal forms). A name
     * that is no party's ("cashier", "contact_name") is found by its label, as text is: the name
     * model gave a receipt's cashier the shop's name from its letterhead.
     */
    private static FieldKind nameKind(Party party) {
        return party != null ? FieldKind.NAME : FieldKind.TEXT;
    }

    /**
     * Scales weights so the best concept is 1 and near-misses fade quickly (cubed), dropping
     * parties for fields that are not names: a seller's e-mail is found by its "e-mail" label, the
     * party only tells which block it sits in.
     */
    private static Map<String, Double> sharpen(Map<String, Double> raw, Lexicon lexicon, FieldKind kind) {
        Map<String, Double> subject = new HashMap<>();
        for (Map.Entry<String, Double> e : raw.entrySet()) {
            Concept concept = lexicon.concept(e.getKey());
            boolean partyConcept = concept.party() != null;
            if (partyConcept && kind != FieldKind.NAME && kind != FieldKind.TEXT) {
                continue;
            }
            subject.put(e.getKey(), e.getValue());
        }
        double top =
                subject.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> out = new HashMap<>();
        if (top < MIN_FIT) {
            return out;
        }
        for (Map.Entry<String, Double> e : subject.entrySet()) {
            double w = Math.pow(e.getValue() / top, 3);
            if (w >= MIN_WEIGHT) {
                out.put(e.getKey(), w);
            }
        }
        return out;
    }

    /**
     * Whether a concept can be what a field of this kind is about: a date field described as "Date
     * by which to pay" is not about the amount due, though "pay" names it. Only the typed kinds
     * are checked; a text field may be about anything.
     */
    private static boolean holds(Concept concept, FieldKind kind) {
        String conceptKind = concept.tag("kind");
        if (conceptKind == null) {
            return true;
        }
        return switch (kind) {
            case DATE -> conceptKind.equals("date");
            case AMOUNT -> conceptKind.equals("amount") || conceptKind.equals("number");
            // Identifiers are often typed as numbers ("account_number": number).
            case NUMBER -> conceptKind.equals("amount") || conceptKind.equals("number") || conceptKind.equals("id");
            case EMAIL -> conceptKind.equals("email");
            case PHONE -> conceptKind.equals("phone");
            default -> true;
        };
    }

    /** The name's last word that is no range word, or "" for none. */
    private static String headOf(List<String> nameTokens) {
        for (int i = nameTokens.size() - 1; i >= 0; i--) {
            if (!RANGE_WORDS.contains(nameTokens.get(i))) {
                return nameTokens.get(i);
            }
        }
        return "";
    }

    private static int rangeOf(List<String> nameTokens) {
        for (String t : nameTokens) {
            switch (t) {
                case "start", "begin", "from", "first", "beginning" -> {
                    return -1;
                }
                case "end", "to", "until", "last", "through" -> {
                    return 1;
                }
                default -> {}
            }
        }
        return 0;
    }

    /**
     * Token F1 between a phrase and a set of words, with generic heads ("amount", "date",
     * "number", "name") counting less than the words that tell fields apart.
     */
    static double f1(List<String> phrase, List<String> words) {
        if (phrase.isEmpty() || words.isEmpty()) {
            return 0;
        }
        Set<String> w = new HashSet<>(words);
        Set<String> p = new HashSet<>(phrase);
        double common = 0;
        for (String t : p) {
            if (w.contains(t)) {
                common += weight(t);
            }
        }
        return 2.0 * common / (mass(p) + mass(w));
    }

    private static final Set<String> GENERIC = Set.of("amount", "date", "no", "name", "value", "id", "code");

    private static double weight(String token) {
        return GENERIC.contains(token) ? 0.35 : 1.0;
    }

    private static double mass(Set<String> tokens) {
        double m = 0;
        for (String t : tokens) {
            m += weight(t);
        }
        return m;
    }

    static boolean containsPhrase(List<String> tokens, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
            if (tokens.subList(i, i + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }

    /** Share of the phrase's tokens present among the words. */
    static double coverage(List<String> phrase, List<String> words) {
        if (phrase.isEmpty() || words.isEmpty()) {
            return 0;
        }
        Set<String> w = new HashSet<>(words);
        Set<String> p = new HashSet<>(phrase);
        int common = 0;
        for (String t : p) {
            if (w.contains(t)) {
                common++;
            }
        }
        return common / (double) p.size();
    }

    private static String camelToWords(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1 $2");
    }
}
