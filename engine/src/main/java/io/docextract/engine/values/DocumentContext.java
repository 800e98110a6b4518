package io.docextract.engine.values;

/**
 * Facts about a whole document that decide ambiguous readings of single values.
 *
 * @param language ISO 639-1 code of the document's main language, or null when unknown
 * @param country ISO 3166-1 alpha-2 code of the issuer's country (from VAT ids, IBANs, phone
 *     prefixes, addresses, currency), or null
 * @param dateOrder day-first or month-first, decided from the document's unambiguous dates,
 *     language and country
 * @param currency ISO 4217 code of the document's main currency, or null
 */
public record DocumentContext(String language, String country, DateOrder dateOrder, String currency) {

    public static DocumentContext unknown() {
        return new DocumentContext(null, null, DateOrder.UNKNOWN, null);
    }
}
