package io.docextract.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The corpus tools' matching follows shared/eval/evaluate.py; the cases are its documented ones. */
class ExpectedValueMatcherTest {

    @ParameterizedTest(name = "{0} {1} vs {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            number  | 1234.56            | 1.234,56           | true
            number  | 4.11               | € 4,11             | true
            number  | -12                | (12.00)            | true
            number  | 1234               | 1,234              | true
            number  | 1234567            | 1.234.567          | true
            number  | 4.11               | 4.12               | false
            id      | NL50INGB0683       | nl50 ingb-0683     | true
            id      | 30064443           | 30064443           | true
            text    | Coolblue B.V.      | coolblue b.v.,     | true
            text    | Straße 1           | STRASSE 1          | true
            text    | Au bon moulin      | Au bon moulin SARL | false
            email   | info@example.com   | mailto:INFO@example.com | true
            phone   | +31 20 7604101     | 020 7604101        | true
            url     | https://www.example.com/ | example.com  | true
            boolean | true               | yes                | true
            boolean | false              | maybe              | false
            date    | 2014-05-19         | 2014-05-19         | true
            """)
    void followsTheEvaluation(String rule, String expected, String returned, boolean right) {
        assertThat(ExpectedValueMatcher.matches(rule, expected, returned)).isEqualTo(right);
    }

    @Test
    void aWholeFloatLabelIsTheIntegerIdentifier() {
        assertThat(ExpectedValueMatcher.matches("id", 319.0, "319")).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            invoice_number  | true
            vendor_vat_id   | true
            payee_iban      | true
            iban            | true
            order_no        | false
            vendor_name     | false
            """)
    void idNamesAreTheEvaluations(String name, boolean id) {
        assertThat(ExpectedValueMatcher.isIdName(name)).isEqualTo(id);
    }
}
