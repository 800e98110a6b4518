package io.docextract.engine.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountScannerTest {

    private final AmountScanner scanner = new AmountScanner();

    /** "de/DE" style shorthand: language/country, either may be "-". */
    static DocumentContext context(String spec) {
        String[] parts = spec.split("/");
        String language = parts[0].equals("-") ? null : parts[0];
        String country = parts.length < 2 || parts[1].equals("-") ? null : parts[1];
        return new DocumentContext(language, country, DateOrder.UNKNOWN, null);
    }

    private static BigDecimal best(List<ValueMatch> matches) {
        return matches.stream()
                .max((a, b) -> Double.compare(a.quality(), b.quality()))
                .map(match -> (BigDecimal) match.value())
                .orElse(null);
    }

    @ParameterizedTest(name = "[{1}] {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1,234.56                          | -/-   | 1234.56
            1.234,56                          | -/-   | 1234.56
            1 234,56 €                        | fr/FR | 1234.56
            1 234 567,89 €                    | fr/FR | 1234567.89
            1'234.56 CHF                      | de/CH | 1234.56
            CHF 1’234.50                      | -/-   | 1234.50
            1234                              | en/US | 1234
            12,5                              | de/DE | 12.5
            .50                               | en/US | 0.50
            € 12,50                           | -/-   | 12.50
            12,50 €                           | -/-   | 12.50
            €12.50                            | -/-   | 12.50
            $1,299.00                         | en/US | 1299.00
            US$ 45.10                         | -/-   | 45.10
            £99.99                            | en/GB | 99.99
            ¥1,200                            | -/JP  | 1200
            ₹ 1,939.00                        | en/IN | 1939.00
            Rs. 1939                          | en/IN | 1939
            Rs 250.00                         | en/IN | 250.00
            RM33.90                           | en/MY | 33.90
            RM 9.00                           | -/-   | 9.00
            Fr. 45.50                         | de/CH | 45.50
            250 kr                            | -/SE  | 250
            EUR 1.234,56                      | de/DE | 1234.56
            1.234,56 EUR                      | de/DE | 1234.56
            USD 1,234.56                      | en/US | 1234.56
            Total: 23.821,43                  | de/DE | 23821.43
            Gesamtbetrag 18.388,00            | de/DE | 18388.00
            Importe 509,25 €                  | es/ES | 509.25
            TOTAL TTC 2 671,15 €              | fr/FR | 2671.15
            Totaal € 1.250,00                 | nl/NL | 1250.00
            -12.00                            | en/US | -12.00
            12.00-                            | en/US | -12.00
            (12.00)                           | en/US | -12.00
            ($1,250.00)                       | en/US | -1250.00
            12.00 CR                          | en/US | -12.00
            −557,22 €                         | es/ES | -557.22
            -557,22 €                         | es/ES | -557.22
            € -42,10                          | de/DE | -42.10
            -€42.10                           | en/GB | -42.10
            Payments received -116,62 EUR     | en/-  | -116.62
            1,234                             | en/US | 1234
            1.234                             | de/DE | 1234
            1,234                             | de/DE | 1.234
            0,4017 €                          | es/ES | 0.4017
            12,5 EUR                          | de/DE | 12.5
            1.000.000                         | de/DE | 1000000
            1,000,000.00                      | en/US | 1000000.00
            1O,5O €                           | de/DE | 10.50
            l2.99                             | en/US | 12.99
            3S.90                             | en/US | 35.90
            12,50 Euro                        | de/DE | 12.50
            SGD 10.00                         | -/SG  | 10.00
            Net 1 234,56                      | fr/FR | 1234.56
            Total Payable: 24. 83             | en/MY | 24.83
            CHANGE RM 6. 00                   | -/-   | 6.00
            TOTAL: 112 .35                    | -/-   | 112.35
            """)
    void findsAmount(String text, String context, BigDecimal expected) {
        List<ValueMatch> matches = scanner.scan(text, context(context));
        assertThat(best(matches)).isEqualByComparingTo(expected);
        assertThat(best(matches).scale()).isEqualTo(expected.scale());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            USt. 19%
            MwSt 7 %
            TVA 20,0 %
            Datum 15.03.2024
            Date: 03/15/2024
            2024-03-15
            Tel. +49 89 555 0115
            Phone: 702-555-0107
            Tel: (702) 555-0107
            Telefoon 020 - 555 01 59
            Tél : 01 71 17 61 67
            +33 1 99 00 05 54
            Invoice No. 68778
            Rechnungs-Nr.: 68778
            Order #4711
            PO-2023-8022
            Bestellnummer BE-62790
            Artikel H8232-61
            Ref: INV2024001
            IBAN: DE34 4064 0331 1378 2968 26
            Kunde 0012345
            Meter 12345678901
            10:30
            Papier A4
            Schrauben M8x40
            1/2 Tag
            """)
    void findsNoAmount(String text) {
        assertThat(scanner.scan(text, context("-/-")))
                .filteredOn(match -> match.quality() > 0.25)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2 27,06 54,12                     | de/DE | 27.06 | 54.12
            1 272,03 € 1 272,03 €             | fr/FR | 1272.03 | 1272.03
            Subtotal $35.67 Tax $2.59         | en/US | 35.67 | 2.59
            Saldo anterior 557,22 € -557,22 € | es/ES | 557.22 | -557.22
            """)
    void findsEveryAmountOfATableRow(String text, String context, BigDecimal first, BigDecimal second) {
        List<BigDecimal> values = scanner.scan(text, context(context)).stream()
                .filter(match -> match.quality() >= 0.7)
                .map(match -> (BigDecimal) match.value())
                .toList();
        assertThat(values).usingElementComparator(BigDecimal::compareTo).contains(first, second);
    }

    /** Only a period set apart from two decimals joins them: a comma and space separate a list. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Sizes 4, 12 and 16          | 4.12
            Page 1. 234 of the report   | 1.234
            Datum 28. 12. 2017          | 28.12
            """)
    void keepsApartNumbersThatOnlyLookLikeDecimalsSetApart(String text, BigDecimal joined) {
        assertThat(scanner.scan(text, context("-/-")))
                .extracting(match -> (BigDecimal) match.value())
                .noneMatch(value -> value.compareTo(joined) == 0);
    }

    @ParameterizedTest(name = "{0} better than {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12.50 €   | 12.50
            12.50     | 12.5
            12.50     | 1250
            € 1250    | 1250
            1.234,56  | 1O,5O
            """)
    void currencyAndTwoDecimalsRaiseQuality(String better, String worse) {
        DocumentContext context = context("-/-");
        assertThat(scanner.scan(better, context).getFirst().quality())
                .isGreaterThan(scanner.scan(worse, context).getFirst().quality());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            € 12,50       | de/DE | 12.50   | EUR
            12.50 USD     | -/-   | 12.50   | USD
            $ 9.99        | en/CA | 9.99    | CAD
            $ 9.99        | -/-   | 9.99    | USD
            RM 10.00      | -/-   | 10.00   | MYR
            Rs. 1,939     | -/-   | 1939    | INR
            ' 45,00 '     | de/DE | 45.00   |
            (1.250,00 €)  | de/DE | -1250.00 | EUR
            """)
    void parserReadsAmountAndCurrency(String text, String context, BigDecimal value, String currency) {
        AmountParser.Amount amount =
                new AmountParser().parseAmount(text, context(context)).orElseThrow();
        assertThat(amount.value()).isEqualByComparingTo(value);
        assertThat(amount.currency()).isEqualTo(currency);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Total 45,00
            45,00 und mehr
            """)
    void parserRejectsTextAroundTheAmount(String text) {
        assertThat(new AmountParser().parse(text, context("de/DE"))).isEmpty();
    }
}
