package io.docextract.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Features computed from a candidate's own text. */
class FeatureExtractorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Harbor View Properties LLC                                      | 0.0
            This Lease Agreement is made on March 3 between Harbor View LLC | 0.364
            Thank you for your business                                     | 0.8
            rue de la Paix                                                  | 0.75
            ACME                                                            | 0.0
            van Dijk                                                        | 0.0
            """)
    void proseIsTheShareOfWordsInLowerCase(String text, double share) {
        // Fewer than three words say nothing ("van Dijk"); numbers and punctuation are no words.
        assertThat(FeatureExtractor.lowerCaseShare(text)).isCloseTo(share, within(0.001));
    }
}
