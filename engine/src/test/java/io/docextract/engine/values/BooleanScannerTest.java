package io.docextract.engine.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BooleanScannerTest {

    private final BooleanScanner scanner = new BooleanScanner();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PAID                         | true
            Paid in full                 | true
            *** BEZAHLT ***              | true
            Facture payée                | true
            PAGADO                       | true
            Betaald                      | true
            Pagato                       | true
            UNPAID                       | false
            Not paid                     | false
            nicht bezahlt                | false
            Impayé                       | false
            no pagado                    | false
            Onbetaald                    | false
            non pagato                   | false
            Yes                          | true
            no                           | false
            true                         | true
            FALSE                        | false
            Ja                           | true
            Nein                         | false
            oui                          | true
            Non                          | false
            Sí                           | true
            Sì                           | true
            nee                          | false
            ☑ Express delivery           | true
            ☒ Express delivery           | true
            ✓ signed                     | true
            ✔                            | true
            [x] Newsletter               | true
            [X] Newsletter               | true
            ☐ Newsletter                 | false
            [ ] Newsletter               | false
            """)
    void readsStatement(String text, boolean expected) {
        assertThat(scanner.scan(text, DocumentContext.unknown()))
                .extracting(ValueMatch::value)
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Invoice No. 4711
            No: 2024-001
            No 12345
            Note: nothing to declare
            Nonsense
            Yesterday
            Januar
            Company
            """)
    void findsNoStatement(String text) {
        assertThat(scanner.scan(text, DocumentContext.unknown())).isEmpty();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PAID     | si
            ☑        | yes
            Yes      | si
            Paid     | Paid: 12.00
            """)
    void strongerStatementsHaveHigherQuality(String stronger, String weaker) {
        double strong =
                scanner.scan(stronger, DocumentContext.unknown()).getFirst().quality();
        double weak = scanner.scan(weaker, DocumentContext.unknown()).getFirst().quality();
        assertThat(strong).isGreaterThan(weak);
    }
}
