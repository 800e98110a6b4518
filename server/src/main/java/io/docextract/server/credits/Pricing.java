package io.docextract.server.credits;

import java.util.Locale;
import java.util.Set;

/**
 * What a completed job costs. Simple document classes cost 1 credit for a single page; otherwise
 * 1–5 pages cost 2, 6–10 cost 3, 11–20 cost 5, 21+ cost 8. Failed and test jobs cost nothing.
 */
public final class Pricing {

    private static final Set<String> SIMPLE_CLASSES = Set.of("receipt", "form", "id_card");

    private Pricing() {}

    public static int credits(String documentType, int pages) {
        int pageCount = Math.max(1, pages);
        if (pageCount == 1 && SIMPLE_CLASSES.contains(documentType.toLowerCase(Locale.ROOT))) {
            return 1;
        }
        if (pageCount <= 5) {
            return 2;
        }
        if (pageCount <= 10) {
            return 3;
        }
        if (pageCount <= 20) {
            return 5;
        }
        return 8;
    }
}
