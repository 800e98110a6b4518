package io.docextract.engine.fields;

import java.util.List;
import java.util.Map;

/**
 * A business concept (invoice number, due date, seller…) with the label phrases that name it in
 * several languages, each already tokenized, and tags from the lexicon ({@code kind=date},
 * {@code party=seller}, {@code range=start}, {@code title}, …).
 */
record Concept(String id, Map<String, String> tags, List<List<String>> phrases) {

    Concept {
        tags = Map.copyOf(tags);
        phrases = List.copyOf(phrases);
    }

    String tag(String key) {
        return tags.get(key);
    }

    boolean has(String key) {
        return tags.containsKey(key);
    }

    /** The party the concept names, or null when it is not a party. */
    Party party() {
        String party = tags.get("party");
        return party == null ? null : Party.valueOf(party.toUpperCase(java.util.Locale.ROOT));
    }
}
