package io.docextract.engine.values;

import static io.docextract.engine.values.AmountScannerTest.context;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberScannerTest {

    private final NumberScanner numbers = new NumberScanner();
    private final PercentageScanner percentages = new PercentageScanner();

    @ParameterizedTest(name = "[{1}] {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2                      | -/-   | 2
            Menge 7,5              | de/DE | 7.5
            Qty 7.5 h              | en/US | 7.5
            0,85 kg                | de/DE | 0.85
            1.000 Stück            | de/DE | 1000
            1.000                  | en/US | 1.000
            1,000                  | en/US | 1000
            1,000                  | de/DE | 1.000
            0.850                  | -/-   | 0.850
            720 kWh                | es/ES | 720
            12kg                   | -/-   | 12
            -3                     | -/-   | -3
            l2                     | -/-   | 12
            """)
    void findsNumber(String text, String context, BigDecimal expected) {
        assertThat(numbers.scan(text, context(context)))
                .extracting(match -> (BigDecimal) match.value())
                .first()
                .satisfies(value -> {
                    assertThat(value).isEqualByComparingTo(expected);
                    assertThat(value.scale()).isEqualTo(expected.scale());
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            15.03.2024
            Tel. +49 89 1234 5678
            Artikel H8232-61
            Kunde 00123
            Best.-Nr. BE-62790
            Ref 123456789012345
            """)
    void findsNoNumber(String text) {
        assertThat(numbers.scan(text, context("-/-"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1.000 | de/DE | -/-
            1,000 | en/US | -/-
            """)
    void ambiguousNumbersLoseQualityWithoutContext(String text, String known, String unknown) {
        assertThat(numbers.scan(text, context(known)).getFirst().quality())
                .isGreaterThan(numbers.scan(text, context(unknown)).getFirst().quality());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            USt. 19%            | 19
            MwSt 7 %            | 7
            TVA 5,5 %           | 5.5
            IVA 21% sobre 100   | 21
            Discount 12.5%      | 12.5
            """)
    void findsPercentage(String text, BigDecimal expected) {
        assertThat(percentages.scan(text, context("-/-")))
                .singleElement()
                .satisfies(match -> assertThat((BigDecimal) match.value()).isEqualByComparingTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Total 19,00 €
            100
            """)
    void findsNoPercentage(String text) {
        assertThat(percentages.scan(text, context("-/-"))).isEmpty();
    }
}
