package io.docextract.engine.fields;

import java.util.List;
import java.util.Set;

/** Words of company legal forms and of the like (GmbH, Ltd, SAS, Sdn Bhd, Trading), as tokens. */
final class LegalForms {

    private static final Set<String> FORMS = Set.of(
            "gmbh",
            "ag",
            "kg",
            "ug",
            "ltd",
            "limited",
            "llc",
            "inc",
            "corp",
            "co",
            "plc",
            "llp",
            "bv",
            "nv",
            "vof",
            "sa",
            "sarl",
            "sas",
            "eurl",
            "sl",
            "slu",
            "srl",
            "spa",
            "snc",
            "sdn",
            "bhd",
            "ohg",
            "gbr",
            "ev",
            "se",
            "company",
            "group",
            "enterprise",
            "trading",
            "holding");

    private LegalForms() {}

    static boolean isLegalForm(String token) {
        return FORMS.contains(token);
    }

    /** Whether the word is a legal form and nothing else ("SAS", "Ltd.", "GmbH,"). */
    static boolean isLegalFormWord(String word) {
        List<String> tokens = Tokenizer.tokens(word);
        return !tokens.isEmpty() && tokens.stream().allMatch(FORMS::contains);
    }
}
