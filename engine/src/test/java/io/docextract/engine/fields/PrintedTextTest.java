package io.docextract.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names and addresses as printed, where OCR read a zero for an O or spaces inside parentheses. */
class PrintedTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            AEON C0. (M) BHD                      | AEON CO. (M) BHD
            MOONLIGHT CAKE H0USE SDN BHD          | MOONLIGHT CAKE HOUSE SDN BHD
            HAI-0 RAYA BHD                        | HAI-O RAYA BHD
            L0T 1851-A & 1851-B, JALAN KPB 6      | LOT 1851-A & 1851-B, JALAN KPB 6
            S.H.H. MOTOR ( SUNGAI RENGIT ) SDN. BHD | S.H.H. MOTOR (SUNGAI RENGIT) SDN. BHD
            41050 KLANG SELANGOR D. E, MALAYSIA   | 41050 KLANG SELANGOR D.E, MALAYSIA
            Bakkerij Jansen B. V.                 | Bakkerij Jansen B.V.
            """)
    void restoresWhatOcrMisreadInAWordOfLetters(String read, String printed) {
        assertThat(PrintedText.restored(read.strip())).isEqualTo(printed.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Unit 10A, 4916 Ulven Road
            Rinmexplein 210, 8439 GX Guulhoven
            Level UG1, Block B20
            NO 290, JALAN AIR PANAS
            0800 Freephone (Sales)
            TAMAN P. RAMLEE SETAPAK
            NO. 3 JALAN U. 2
            """)
    void keepsTheDigitsOfNumbersAndCodes(String printed) {
        assertThat(PrintedText.restored(printed.strip())).isEqualTo(printed.strip());
    }
}
