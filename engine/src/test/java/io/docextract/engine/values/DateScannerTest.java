package io.docextract.engine.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateScannerTest {

    private final DateScanner scanner = new DateScanner();

    private static DocumentContext context(DateOrder order) {
        return new DocumentContext(null, null, order, null);
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            15.03.2024                              | UNKNOWN     | 2024-03-15
            Rechnungsdatum: 11.12.2024              | DAY_FIRST   | 2024-12-11
            Datum 1.2.2024                          | DAY_FIRST   | 2024-02-01
            28/06/2024                              | UNKNOWN     | 2024-06-28
            03/15/2024                              | UNKNOWN     | 2024-03-15
            03/04/2024                              | MONTH_FIRST | 2024-03-04
            03/04/2024                              | DAY_FIRST   | 2024-04-03
            03-04-2024                              | UNKNOWN     | 2024-04-03
            Date: 12-01-19                          | DAY_FIRST   | 2019-01-12
            12/01/19                                | MONTH_FIRST | 2019-12-01
            31.12.99                                | UNKNOWN     | 1999-12-31
            01.01.70                                | UNKNOWN     | 1970-01-01
            01.01.69                                | UNKNOWN     | 2069-01-01
            2024-03-15                              | UNKNOWN     | 2024-03-15
            2024/3/5                                | MONTH_FIRST | 2024-03-05
            2024.03.15                              | UNKNOWN     | 2024-03-15
            Issued 2024-03-15T10:22:00Z             | UNKNOWN     | 2024-03-15
            15 / 03 / 2024                          | UNKNOWN     | 2024-03-15
            15 03 2024                              | UNKNOWN     | 2024-03-15
            20240315                                | UNKNOWN     | 2024-03-15
            Date/Time 20180428/191204               | UNKNOWN     | 2018-04-28
            20180428T191204                         | UNKNOWN     | 2018-04-28
            29.02.2024                              | UNKNOWN     | 2024-02-29
            1O.O5.2O24                              | UNKNOWN     | 2024-05-10
            l5.03.2024                              | UNKNOWN     | 2024-03-15
            15 March 2024                           | UNKNOWN     | 2024-03-15
            March 15, 2024                          | UNKNOWN     | 2024-03-15
            March 15 2024                           | UNKNOWN     | 2024-03-15
            Mar. 3, 2024                            | UNKNOWN     | 2024-03-03
            Sept 9, 2023                            | UNKNOWN     | 2023-09-09
            Dec 25th, 2024                          | UNKNOWN     | 2024-12-25
            1st April 2024                          | UNKNOWN     | 2024-04-01
            the 22nd of February 2023               | UNKNOWN     | 2023-02-22
            Monday, March 4, 2024                   | UNKNOWN     | 2024-03-04
            Mon 4 Mar 2024                          | UNKNOWN     | 2024-03-04
            20-APR-2025                             | UNKNOWN     | 2025-04-20
            21-OCT-23                               | UNKNOWN     | 2023-10-21
            09 MAY 2018                             | UNKNOWN     | 2018-05-09
            15 Mar '24                              | UNKNOWN     | 2024-03-15
            15. März 2024                           | UNKNOWN     | 2024-03-15
            15. Maerz 2024                          | UNKNOWN     | 2024-03-15
            Freitag, 17. Januar 2024                | UNKNOWN     | 2024-01-17
            3. Okt. 2023                            | UNKNOWN     | 2023-10-03
            24. Dezember 2023                       | UNKNOWN     | 2023-12-24
            le 3 janvier 2024                       | UNKNOWN     | 2024-01-03
            1er février 2023                        | UNKNOWN     | 2023-02-01
            18 févr. 2023                           | UNKNOWN     | 2023-02-18
            vendredi 3 août 2024                    | UNKNOWN     | 2024-08-03
            3 aout 2024                             | UNKNOWN     | 2024-08-03
            28 décembre 2023                        | UNKNOWN     | 2023-12-28
            4 janv. 2024                            | UNKNOWN     | 2024-01-04
            3 de enero de 2024                      | UNKNOWN     | 2024-01-03
            lunes, 15 de julio de 2024              | UNKNOWN     | 2024-07-15
            1º de septiembre de 2023                | UNKNOWN     | 2023-09-01
            9 dic 2024                              | UNKNOWN     | 2024-12-09
            15 maart 2024                           | UNKNOWN     | 2024-03-15
            31 mei 2015                             | UNKNOWN     | 2015-05-31
            28 feb. 2025                            | UNKNOWN     | 2025-02-28
            vrijdag 1 okt 2021                      | UNKNOWN     | 2021-10-01
            15 marzo 2024                           | UNKNOWN     | 2024-03-15
            1° giugno 2023                          | UNKNOWN     | 2023-06-01
            giovedì 7 settembre 2023                | UNKNOWN     | 2023-09-07
            12 ott 2022                             | UNKNOWN     | 2022-10-12
            01-N0V-2017 11:20:04AM                  | UNKNOWN     | 2017-11-01
            """)
    void findsDate(String text, DateOrder order, String expected) {
        List<ValueMatch> matches = scanner.scan(text, context(order));
        assertThat(matches).extracting(ValueMatch::value).containsExactly(expected);
        ValueMatch match = matches.getFirst();
        assertThat(match.quality()).isBetween(0.2, 1.0);
        assertThat(text.substring(match.start(), match.end())).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            31.02.2024
            30/02/2024
            29.02.2023
            13/13/2024
            2024-13-01
            00.01.2024
            32 March 2024
            Tel. 06.12.12.34.56
            +49 89 555 0115
            06 555 01 97
            020 - 555 01 59
            75008 Paris
            D-80331 München
            1234 AB Amsterdam
            Total 1.234,56
            Invoice 2024-0012
            Version 1.2.3
            USt. 19%
            12.03.2024.5
            Rechnung 15 März
            Page 1 of 2
            15/03
            Quantity 12 3 4
            20180428/19
            20180428/256000
            """)
    void findsNoDate(String text) {
        assertThat(scanner.scan(text, context(DateOrder.UNKNOWN))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} + {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Periode: 26/05/2023 – 24/06/2023               | 2023-05-26 | 2023-06-24
            del 25/03/2024 al 23/06/2024                    | 2024-03-25 | 2024-06-23
            Invoice date 01.02.2024 due date 15.02.2024     | 2024-02-01 | 2024-02-15
            from 1 March 2024 to April 30, 2024             | 2024-03-01 | 2024-04-30
            """)
    void findsSeveralDatesInOrder(String text, String first, String second) {
        assertThat(scanner.scan(text, context(DateOrder.DAY_FIRST)))
                .extracting(ValueMatch::value)
                .containsExactly(first, second);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            15.03.2024 | 03.04.2024
            28/06/2024 | 03/04/2024
            2024-03-15 | 03/04/24
            """)
    void guessedOrderLowersQuality(String clear, String ambiguous) {
        double clearQuality =
                scanner.scan(clear, context(DateOrder.UNKNOWN)).getFirst().quality();
        double guessedQuality =
                scanner.scan(ambiguous, context(DateOrder.UNKNOWN)).getFirst().quality();
        double decidedQuality =
                scanner.scan(ambiguous, context(DateOrder.DAY_FIRST)).getFirst().quality();
        assertThat(guessedQuality).isLessThan(decidedQuality);
        assertThat(decidedQuality).isLessThan(clearQuality);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Date: 15.03.2024 | 6  | 16
            15 March 2024.   | 0  | 13
            am 3. Mai 2024   | 3  | 14
            """)
    void spanCoversTheDate(String text, int start, int end) {
        ValueMatch match = scanner.scan(text, context(DateOrder.UNKNOWN)).getFirst();
        assertThat(match.start()).isEqualTo(start);
        assertThat(match.end()).isEqualTo(end);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            15.03.2024  | 2024-03-15
            ' 3 mai 2024 ' | 2024-05-03
            (2024-01-31) | 2024-01-31
            """)
    void parserReadsWholeText(String text, String expected) {
        assertThat(new DateParser().parse(text, DocumentContext.unknown()))
                .hasValueSatisfying(date -> assertThat(date.toString()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Date 15.03.2024
            15.03.2024 10:00 Uhr
            nothing here
            """)
    void parserRejectsTextAroundTheDate(String text) {
        assertThat(new DateParser().parse(text, DocumentContext.unknown())).isEmpty();
    }
}
