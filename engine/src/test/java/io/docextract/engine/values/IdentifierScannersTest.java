package io.docextract.engine.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierScannersTest {

    private final IbanScanner ibans = new IbanScanner();
    private final VatIdScanner vatIds = new VatIdScanner();
    private final EmailScanner emails = new EmailScanner();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            IBAN: DE89 3704 0044 0532 0130 00                 | DE89370400440532013000
            IBAN DE89370400440532013000 BIC COBADEFFXXX       | DE89370400440532013000
            iban: GB29 NWBK 6016 1331 9268 19                 | GB29NWBK60161331926819
            FR14 2004 1010 0505 0001 3M02 606                 | FR1420041010050500013M02606
            NL91ABNA0417164300                                | NL91ABNA0417164300
            Konto AT61 1904 3002 3457 3201                    | AT611904300234573201
            CH93 0076 2011 6238 5295 7                        | CH9300762011623852957
            ES91 2100 0418 4502 0005 1332                     | ES9121000418450200051332
            IT60 X054 2811 1010 0000 0123 456                 | IT60X0542811101000000123456
            BE68 5390 0754 7034                               | BE68539007547034
            NO93 8601 1117 947                                | NO9386011117947
            IBAN: DE89 37O4 0044 0532 0130 00                 |
            """)
    void findsValidIban(String text, String expected) {
        var matches = ibans.scan(text, DocumentContext.unknown()).stream()
                .filter(match -> match.quality() > 0.5)
                .map(ValueMatch::value)
                .toList();
        if (expected == null) {
            assertThat(matches).isEmpty();
        } else {
            assertThat(matches).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DE89 3704 0044 0532 0130 01
            DE12 1234 4321 9876 00
            """)
    void keepsFailedChecksumWithLowQuality(String text) {
        assertThat(ibans.scan(text, DocumentContext.unknown()))
                .allSatisfy(match -> assertThat(match.quality()).isLessThan(0.5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DE89 3704 0044
            Rechnung DE-80331 München
            XX89 3704 0044 0532 0130 00
            DE89 3704 0044 0532 0130 0012
            """)
    void findsNoIban(String text) {
        assertThat(ibans.scan(text, DocumentContext.unknown())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            USt-IdNr.: DE123456789                     | DE123456789
            UID-Nr.: DE 050 247 253 · Amtsgericht       | DE050247253
            VAT: DE 232 446 240                         | DE232446240
            TVA intracom. FR 11 999999998               | FR11999999998
            N° TVA : FR60421938861                      | FR60421938861
            BTW-nummer NL810433941B01                   | NL810433941B01
            btw NL 8104.33.941.B01                      | NL810433941B01
            UID ATU12345678                             | ATU12345678
            CIF: ESB49982681                            | ESB49982681
            NIF ES A54404437                            | ESA54404437
            P.IVA IT12345678901                         | IT12345678901
            VAT Reg No GB 123 4567 89                   | GB123456789
            VAT GB123456789012                          | GB123456789012
            MWST CHE-646.904.234 MWST                   | CHE-646.904.234
            UID: CHE-123.456.789                        | CHE-123.456.789
            BE0123456789                                | BE0123456789
            PL 1234567890                               | PL1234567890
            Org.nr NO 123 456 789 MVA                   | NO123456789MVA
            GSTIN: 29ABCDE1234F1Z5                      | 29ABCDE1234F1Z5
            """)
    void findsVatId(String text, String expected) {
        assertThat(vatIds.scan(text, DocumentContext.unknown()))
                .extracting(ValueMatch::value)
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            IBAN: DE34 4064 0331 1378 2968 26
            D-80331 München
            DE 12345
            Invoice NO 123456789
            FR 1234
            NL 1234 AB Amsterdam
            """)
    void findsNoVatId(String text) {
        assertThat(vatIds.scan(text, DocumentContext.unknown())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            E-Mail: Info@Example-Shop.DE                 | info@example-shop.de  | 0.9
            mail to billing.team+inv@mail.example.co.uk. | billing.team+inv@mail.example.co.uk | 0.9
            Courriel : contact@societe.fr                | contact@societe.fr    | 0.9
            hello @ example.com                          | hello@example.com     | 0.5
            <a.b_c@d-e.io>                               | a.b_c@d-e.io          | 0.9
            """)
    void findsEmail(String text, String expected, double minQuality) {
        assertThat(emails.scan(text, DocumentContext.unknown())).singleElement().satisfies(match -> {
            assertThat(match.value()).isEqualTo(expected);
            assertThat(match.quality()).isGreaterThanOrEqualTo(minQuality);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            www.example.com
            user@localhost
            @handle on social
            a..b@example.com
            price 12 @ 3.50
            """)
    void findsNoEmail(String text) {
        assertThat(emails.scan(text, DocumentContext.unknown())).isEmpty();
    }
}
