package io.docextract.engine.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneScannerTest {

    private final PhoneScanner scanner = new PhoneScanner();

    private static DocumentContext country(String country) {
        return new DocumentContext(null, country.equals("-") ? null : country, DateOrder.UNKNOWN, null);
    }

    @ParameterizedTest(name = "[{1}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Tel.: +49 89 1234 5678                       | -  | +498912345678
            Tel. +49 (0)221 4711 0                       | -  | +4922147110
            Telefon 089 1234 5678                        | DE | +498912345678
            Tel.: 040 / 3456 7890                        | DE | +494034567890
            Téléphone : 01 42 68 53 00                   | FR | +33142685300
            Tél. +33 1 42 68 53 00                       | -  | +33142685300
            Telefoon 020 - 612 34 56                     | NL | +31206123456
            Telefoon 06 12 34 56 78                      | NL | +31612345678
            Phone: (212) 555-1234                        | US | +12125551234
            Call 650-253-0000                            | US | +16502530000
            TEL: 020 7946 0958                           | GB | +442079460958
            Teléfono: +34 912 345 678                    | -  | +34912345678
            Tel. 06 1234 5678                            | IT | +390612345678
            Phone 0044 20 7946 0958                      | -  | +442079460958
            Phone: 8756390642                            | IN | +918756390642
            Tel 0761 12345                               | -  | 0761 12345
            """)
    void findsPhone(String text, String country, String expected) {
        assertThat(scanner.scan(text, country(country)))
                .extracting(ValueMatch::value)
                .first()
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{1}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Rechnungsdatum 15.03.2024                    | DE
            Bitte überweisen Sie bis zum 09.06.2014:     | DE
            Zahlbar bis 04.07.2018                       | DE
            Datum 2014-05-19                             | DE
            Total 1.234,56 EUR                           | DE
            Amount $1,234,567.00                         | US
            Invoice No. 2024                             | US
            12 x 3,50                                    | DE
            USt 19%                                      | DE
            """)
    void findsNoPhone(String text, String country) {
        assertThat(scanner.scan(text, country(country))).isEmpty();
    }
}
