package io.docextract.engine.fields;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in vocabulary of business concepts and their label variants, read from {@code
 * lexicon/concepts.tsv}. Matching is on tokens from {@link Tokenizer}, so the phrases and the
 * printed labels go through the same normalization.
 */
final class Lexicon {

    private static final String RESOURCE = "/lexicon/concepts.tsv";

    private final Map<String, Concept> concepts;
    private final Map<String, List<PhraseRef>> phrasesByFirstToken = new HashMap<>();

    private record PhraseRef(String concept, List<String> tokens) {}

    Lexicon(Collection<Concept> concepts) {
        Map<String, Concept> byId = new LinkedHashMap<>();
        for (Concept concept : concepts) {
            byId.put(concept.id(), concept);
            for (List<String> phrase : concept.phrases()) {
                phrasesByFirstToken
                        .computeIfAbsent(phrase.getFirst(), k -> new ArrayList<>())
                        .add(new PhraseRef(concept.id(), phrase));
            }
        }
        this.concepts = byId;
    }

    /** The lexicon shipped with the engine. */
    static Lexicon builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final Lexicon BUILT_IN = load();
    }

    private static Lexicon load() {
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<Concept> concepts = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 3) {
                    throw new IllegalStateException("bad lexicon line: " + line);
                }
                concepts.add(parse(parts[0], parts[1], parts[2]));
            }
            return new Lexicon(concepts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Concept parse(String id, String tagText, String phraseText) {
        Map<String, String> tags = new HashMap<>();
        for (String tag : tagText.split(",")) {
            if (tag.isBlank()) {
                continue;
            }
            String[] kv = tag.split("=", 2);
            tags.put(kv[0].trim(), kv.length > 1 ? kv[1].trim() : "");
        }
        List<List<String>> phrases = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (String phrase : phraseText.split("\\|")) {
            List<String> tokens = Tokenizer.tokens(phrase);
            if (!tokens.isEmpty() && seen.add(tokens)) {
                phrases.add(tokens);
            }
        }
        return new Concept(id, tags, phrases);
    }

    Collection<Concept> concepts() {
        return concepts.values();
    }

    Concept concept(String id) {
        return concepts.get(id);
    }

    /**
     * The concepts a label names: the longest phrase found anywhere in the tokens wins (so
     * "Summe netto" is the subtotal although "Summe" alone is the total). Ties keep every concept.
     */
    LabelMatch match(List<String> tokens) {
        int wordTokens = 0;
        for (String token : tokens) {
            if (!Tokenizer.isNumeric(token)) {
                wordTokens++;
            }
        }
        if (wordTokens == 0) {
            return LabelMatch.NONE;
        }
        int best = 0;
        Set<String> bestConcepts = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<PhraseRef> refs = phrasesByFirstToken.get(tokens.get(i));
            if (refs == null) {
                continue;
            }
            for (PhraseRef ref : refs) {
                int n = ref.tokens().size();
                if (n < best
                        || i + n > tokens.size()
                        || !tokens.subList(i, i + n).equals(ref.tokens())) {
                    continue;
                }
                if (n > best) {
                    best = n;
                    bestConcepts.clear();
                }
                bestConcepts.add(ref.concept());
            }
        }
        if (best == 0) {
            return LabelMatch.NONE;
        }
        return new LabelMatch(bestConcepts, Math.min(1.0, best / (double) wordTokens), best, wordTokens);
    }

    /**
     * What the words beside a label's best phrase name: "client" in "N° TVA client", where the
     * best phrase "no tva" names the VAT id and the rest says whose.
     */
    LabelMatch besideBest(List<String> tokens) {
        LabelMatch best = match(tokens);
        if (best.isEmpty()) {
            return LabelMatch.NONE;
        }
        int n = best.matchedTokens();
        for (int i = 0; i + n <= tokens.size(); i++) {
            List<String> window = tokens.subList(i, i + n);
            if (match(window).matchedTokens() == n) {
                LabelMatch before = match(tokens.subList(0, i));
                return before.isEmpty() ? match(tokens.subList(i + n, tokens.size())) : before;
            }
        }
        return LabelMatch.NONE;
    }

    /** Every concept with at least one phrase fully inside the tokens (in order), for descriptions. */
    Set<String> mentioned(List<String> tokens) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<PhraseRef> refs = phrasesByFirstToken.get(tokens.get(i));
            if (refs == null) {
                continue;
            }
            for (PhraseRef ref : refs) {
                int n = ref.tokens().size();
                if (i + n <= tokens.size() && tokens.subList(i, i + n).equals(ref.tokens())) {
                    out.add(ref.concept());
                }
            }
        }
        return out;
    }
}
