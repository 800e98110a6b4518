package io.docextract.engine.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrencyDetectorTest {

    private final CurrencyDetector detector = new CurrencyDetector();

    private static DocumentContext country(String country) {
        return new DocumentContext(null, country.equals("-") ? null : country, DateOrder.UNKNOWN, null);
    }

    @ParameterizedTest(name = "[{1}] {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Total 12,50 €                | -  | EUR
            EUR 1.234,56                 | -  | EUR
            Währung: EUR                 | -  | EUR
            Currency: USD                | -  | USD
            $12.00                       | -  | USD
            $12.00                       | CA | CAD
            $12.00                       | AU | AUD
            C$ 12.00                     | -  | CAD
            £99.99                       | -  | GBP
            ¥1200                        | -  | JPY
            ¥1200                        | CN | CNY
            ₹ 1,939                      | -  | INR
            Rs. 1939                     | -  | INR
            RM 33.90                     | -  | MYR
            Fr. 45.50                    | -  | CHF
            CHF 45.50                    | -  | CHF
            250 kr                       | SE | SEK
            250 kr                       | NO | NOK
            250 kr.                      | DK | DKK
            120 zł                       | -  | PLN
            12,50 Euro                   | -  | EUR
            99 SEK                       | -  | SEK
            """)
    void findsCurrency(String text, String country, String expected) {
        assertThat(detector.scan(text, country(country)))
                .extracting(ValueMatch::value)
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALL ITEMS INCLUDED
            THE END
            2 CUP
            RM Logistics
            Frau Dr. Müller
            PCS 12
            """)
    void findsNoCurrency(String text) {
        assertThat(detector.scan(text, country("-"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void mainCurrencyIsTheMostFrequent() {
        List<String> lines = List.of("Subtotal 10,00 €", "Tax 1,90 €", "Total 11,90 €", "approx. USD 12.80");
        assertThat(detector.mainCurrency(lines, country("-"))).isEqualTo("EUR");
    }
}
