package io.docextract.engine.values;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out the facts that decide ambiguous values for a whole document: its language (from
 * common words in English, German, French, Spanish, Dutch and Italian), the issuer's country (VAT
 * ids, IBANs, international phone prefixes, postal codes, currency, language), the order of
 * numeric dates (from dates that can only be read one way, else from the country) and the main
 * currency.
 */
public final class DocumentContextDetector {

    private static final Map<String, Set<String>> LANGUAGE_WORDS = Map.of(
            "en",
                    Set.of(
                            "the",
                            "and",
                            "of",
                            "to",
                            "for",
                            "invoice",
                            "amount",
                            "due",
                            "please",
                            "payment",
                            "number",
                            "bill",
                            "your",
                            "tax",
                            "from",
                            "with",
                            "thank",
                            "you",
                            "order",
                            "price",
                            "quantity",
                            "description",
                            "subtotal",
                            "paid",
                            "balance",
                            "receipt",
                            "account",
                            "date",
                            "total",
                            "customer",
                            "phone",
                            "street",
                            "delivery",
                            "terms"),
            "de",
                    Set.of(
                            "der",
                            "die",
                            "das",
                            "und",
                            "für",
                            "mit",
                            "rechnung",
                            "betrag",
                            "datum",
                            "gesamt",
                            "bitte",
                            "zahlbar",
                            "summe",
                            "nicht",
                            "von",
                            "zu",
                            "ihre",
                            "ihr",
                            "steuer",
                            "mwst",
                            "ust",
                            "menge",
                            "preis",
                            "bezeichnung",
                            "netto",
                            "brutto",
                            "vielen",
                            "dank",
                            "bis",
                            "kunde",
                            "bestellung",
                            "zahlung",
                            "gesamtbetrag",
                            "rechnungsdatum",
                            "kundennummer",
                            "rechnungsnummer",
                            "lieferung",
                            "lieferschein",
                            "seite",
                            "straße",
                            "strasse",
                            "telefon"),
            "fr",
                    Set.of(
                            "le",
                            "les",
                            "des",
                            "du",
                            "et",
                            "pour",
                            "facture",
                            "montant",
                            "échéance",
                            "votre",
                            "nous",
                            "tva",
                            "ht",
                            "ttc",
                            "prix",
                            "quantité",
                            "désignation",
                            "paiement",
                            "merci",
                            "au",
                            "aux",
                            "une",
                            "par",
                            "commande",
                            "date",
                            "total",
                            "numéro",
                            "livraison",
                            "téléphone",
                            "rue"),
            "es",
                    Set.of(
                            "el",
                            "los",
                            "las",
                            "y",
                            "para",
                            "factura",
                            "importe",
                            "fecha",
                            "por",
                            "iva",
                            "pago",
                            "su",
                            "precio",
                            "cantidad",
                            "descripción",
                            "gracias",
                            "cliente",
                            "pedido",
                            "base",
                            "imponible",
                            "que",
                            "total",
                            "número",
                            "entrega",
                            "teléfono",
                            "calle",
                            "dirección"),
            "nl",
                    Set.of(
                            "het",
                            "een",
                            "van",
                            "voor",
                            "factuur",
                            "bedrag",
                            "datum",
                            "totaal",
                            "btw",
                            "betalen",
                            "uw",
                            "met",
                            "te",
                            "prijs",
                            "aantal",
                            "omschrijving",
                            "bedankt",
                            "klant",
                            "bestelling",
                            "betaling",
                            "excl",
                            "incl",
                            "graag",
                            "wij",
                            "factuurdatum",
                            "klantnummer",
                            "factuurnummer",
                            "levering",
                            "telefoon",
                            "straat"),
            "it",
                    Set.of(
                            "il",
                            "lo",
                            "gli",
                            "di",
                            "della",
                            "e",
                            "per",
                            "fattura",
                            "importo",
                            "data",
                            "totale",
                            "iva",
                            "pagamento",
                            "prezzo",
                            "quantità",
                            "descrizione",
                            "grazie",
                            "ordine",
                            "imponibile",
                            "da",
                            "un",
                            "che",
                            "consegna",
                            "indirizzo",
                            "scadenza"));

    private static final Map<String, String> LANGUAGE_COUNTRY =
            Map.of("de", "DE", "fr", "FR", "es", "ES", "nl", "NL", "it", "IT");

    private static final Map<String, String> CURRENCY_COUNTRY = Map.ofEntries(
            Map.entry("USD", "US"),
            Map.entry("GBP", "GB"),
            Map.entry("INR", "IN"),
            Map.entry("MYR", "MY"),
            Map.entry("CHF", "CH"),
            Map.entry("CAD", "CA"),
            Map.entry("AUD", "AU"),
            Map.entry("NZD", "NZ"),
            Map.entry("SGD", "SG"),
            Map.entry("JPY", "JP"),
            Map.entry("SEK", "SE"),
            Map.entry("NOK", "NO"),
            Map.entry("DKK", "DK"),
            Map.entry("PLN", "PL"),
            Map.entry("CZK", "CZ"),
            Map.entry("HUF", "HU"),
            Map.entry("HKD", "HK"),
            Map.entry("CNY", "CN"),
            Map.entry("BRL", "BR"),
            Map.entry("MXN", "MX"));

    /** Countries writing numeric dates month first. */
    private static final Set<String> MONTH_FIRST_COUNTRIES = Set.of("US", "PH", "FM", "MH", "PW", "AS", "GU");

    /**
     * A word between spaces and apostrophes, with the punctuation around it dropped; letters only,
     * so the letters of an abbreviation ("D.I.Y.") are not words ("y" is Spanish).
     */
    private static final Pattern WORD = Pattern.compile("(?<=^|[\\s'’(\\[\"])\\p{L}+(?=$|[\\s.,;:!?)\\]\"])");

    /** Country names in the six languages, folded ("deutschland" → DE, "inde" → IN). */
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    private static final Pattern TRAILING_STOPS = Pattern.compile("[.,;]+$");

    /** Where an address line's parts meet: "Bangalore, Karnataka, India - 560067". */
    private static final Pattern ADDRESS_PART = Pattern.compile("\\s*[,;|·•–—]\\s*|\\s+-\\s+|\\s{2,}");

    private static final Set<String> US_STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
            "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
            "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC");
    private static final Pattern US_ZIP = Pattern.compile("(?<![A-Za-z]),? ([A-Z]{2}) \\d{5}(?:-\\d{4})?(?!\\d)");
    private static final Pattern UK_POSTCODE =
            Pattern.compile("(?<![A-Za-z0-9])[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}(?![A-Za-z0-9])");
    private static final Pattern NL_POSTCODE = Pattern.compile("(?<![\\w.,])[1-9]\\d{3} ?[A-Z]{2}(?= \\p{Lu}\\p{Ll})");
    private static final Pattern CA_POSTCODE =
            Pattern.compile("(?<![A-Za-z0-9])[A-Z]\\d[A-Z] ?\\d[A-Z]\\d(?![A-Za-z0-9])");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final VatIdScanner vatIds;
    private final IbanScanner ibans;
    private final CurrencyDetector currencies;

    public DocumentContextDetector(VatIdScanner vatIds, IbanScanner ibans, CurrencyDetector currencies) {
        this.vatIds = vatIds;
        this.ibans = ibans;
        this.currencies = currencies;
    }

    public DocumentContextDetector() {
        this(new VatIdScanner(), new IbanScanner(), new CurrencyDetector());
    }

    public DocumentContext detect(List<String> lines) {
        String language = language(lines);
        String country = country(lines, language);
        DocumentContext partial = new DocumentContext(language, country, DateOrder.UNKNOWN, null);
        String currency = currencies.mainCurrency(lines, partial);
        if (country == null && currency != null) {
            country = CURRENCY_COUNTRY.get(currency);
            if (country != null) {
                // "$" and "kr" may read differently now that the country is known.
                currency =
                        currencies.mainCurrency(lines, new DocumentContext(language, country, DateOrder.UNKNOWN, null));
            }
        }
        if (currency == null && country != null) {
            currency = currencyOf(country);
        }
        return new DocumentContext(language, country, dateOrder(lines, language, country, currency), currency);
    }

    private static String language(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            Matcher m = WORD.matcher(line);
            while (m.find()) {
                String word = m.group().toLowerCase(Locale.ROOT);
                for (Map.Entry<String, Set<String>> language : LANGUAGE_WORDS.entrySet()) {
                    if (language.getValue().contains(word)) {
                        counts.merge(language.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        int best = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> leaders = counts.entrySet().stream()
                .filter(entry -> entry.getValue() == best)
                .map(Map.Entry::getKey)
                .toList();
        // A tie ("Date … Total" is English and French alike) leaves the language unknown: a guess
        // by name order made English receipts French.
        return best >= 2 && leaders.size() == 1 ? leaders.getFirst() : null;
    }

    private String country(List<String> lines, String language) {
        Map<String, Double> votes = new HashMap<>();
        for (String line : lines) {
            for (ValueMatch vat : vatIds.scan(line, null)) {
                vote(votes, vatCountry((String) vat.value()), 3);
            }
            for (ValueMatch iban : ibans.scan(line, null)) {
                vote(votes, ((String) iban.value()).substring(0, 2), iban.quality() > 0.5 ? 3 : 1.5);
            }
            if (line.indexOf('+') >= 0) {
                for (PhoneNumberMatch phone : PHONES.findNumbers(line, "ZZ")) {
                    String region = PHONES.getRegionCodeForNumber(phone.number());
                    if (region != null && !"ZZ".equals(region) && !"001".equals(region)) {
                        vote(votes, region, 2);
                    }
                }
            }
            postalCodeVotes(line, votes);
            countryNameVote(line, votes);
        }
        if (language != null && LANGUAGE_COUNTRY.containsKey(language)) {
            vote(votes, LANGUAGE_COUNTRY.get(language), 0.5);
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /**
     * A part of an address line that is exactly a country's name ("… 84340 Malaucène - France",
     * "Nederland"): weak evidence, one vote per line, for documents without VAT ids or IBANs.
     */
    private static void countryNameVote(String line, Map<String, Double> votes) {
        for (String part : ADDRESS_PART.split(line.strip())) {
            String country = COUNTRY_NAMES.get(fold(part));
            if (country != null && Character.isUpperCase(part.charAt(0))) {
                vote(votes, country, 1);
                return;
            }
        }
    }

    /**
     * Whether a text is a country's name and nothing else, in any of the six languages, accents
     * and a closing full stop or comma aside ("Nederland", "MALAYSIA.", "España").
     */
    public static boolean isCountryName(String text) {
        return COUNTRY_NAMES.containsKey(
                fold(TRAILING_STOPS.matcher(text.strip()).replaceAll("")));
    }

    private static Map<String, String> countryNames() {
        Map<String, String> names = new HashMap<>();
        for (String iso : Locale.getISOCountries()) {
            Locale country = Locale.of("", iso);
            for (String language : List.of("en", "de", "fr", "es", "nl", "it")) {
                String name = fold(country.getDisplayCountry(Locale.of(language)));
                if (name.length() >= 4) {
                    names.putIfAbsent(name, iso);
                }
            }
        }
        return Map.copyOf(names);
    }

    private static String fold(String text) {
        String decomposed = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static void postalCodeVotes(String line, Map<String, Double> votes) {
        Matcher us = US_ZIP.matcher(line);
        while (us.find()) {
            if (US_STATES.contains(us.group(1))) {
                vote(votes, "US", 1);
            }
        }
        if (UK_POSTCODE.matcher(line).find()) {
            vote(votes, "GB", 1);
        }
        if (NL_POSTCODE.matcher(line).find()) {
            vote(votes, "NL", 1);
        }
        if (CA_POSTCODE.matcher(line).find()) {
            vote(votes, "CA", 0.5);
        }
    }

    private static String vatCountry(String vatId) {
        if (vatId.startsWith("CHE")) {
            return "CH";
        }
        if (Character.isDigit(vatId.charAt(0))) {
            return "IN";
        }
        String prefix = vatId.substring(0, 2);
        return switch (prefix) {
            case "EL" -> "GR";
            case "XI" -> "GB";
            default -> prefix;
        };
    }

    private static DateOrder dateOrder(List<String> lines, String language, String country, String currency) {
        int[] evidence = new int[2];
        for (String line : lines) {
            DateScanner.countOrderEvidence(line, evidence);
        }
        if (evidence[0] != evidence[1]) {
            return evidence[0] > evidence[1] ? DateOrder.DAY_FIRST : DateOrder.MONTH_FIRST;
        }
        if (country != null) {
            return MONTH_FIRST_COUNTRIES.contains(country) ? DateOrder.MONTH_FIRST : DateOrder.DAY_FIRST;
        }
        if ("USD".equals(currency)) {
            return DateOrder.MONTH_FIRST;
        }
        if (language != null || currency != null) {
            return DateOrder.DAY_FIRST;
        }
        return DateOrder.UNKNOWN;
    }

    private static String currencyOf(String country) {
        try {
            Currency currency = Currency.getInstance(Locale.of("", country));
            return currency == null ? null : currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void vote(Map<String, Double> votes, String country, double weight) {
        votes.merge(country, weight, Double::sum);
    }
}
