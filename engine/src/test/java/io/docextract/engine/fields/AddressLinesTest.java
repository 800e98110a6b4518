package io.docextract.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the lines of an address block become one value. */
class AddressLinesTest {

    @Test
    void unpunctuatedLinesJoinWithCommas() {
        assertThat(CandidateFinder.joinParts(List.of("Fiulring 146a", "48713 Nokvolheim", "Deutschland")))
                .isEqualTo("Fiulring 146a, 48713 Nokvolheim, Deutschland");
        assertThat(CandidateFinder.joinParts(List.of("4916 Ulven Road, Unit 11", "Varwynburg, VT 52425")))
                .isEqualTo("4916 Ulven Road, Unit 11, Varwynburg, VT 52425");
    }

    @Test
    void linesTheDocumentPunctuatedKeepTheirPunctuationAndJoinWithSpaces() {
        assertThat(CandidateFinder.joinParts(List.of(
                        "LOT 12-A, JALAN KPB 6,",
                        "KAWASAN PERINDUSTRIAN BALAKONG,",
                        "43300 SERI KEMBANGAN",
                        "(TESCO)")))
                .isEqualTo("LOT 12-A, JALAN KPB 6, KAWASAN PERINDUSTRIAN BALAKONG, 43300 SERI KEMBANGAN (TESCO)");
    }

    @Test
    void aCommaClosingTheLastLineDoesNotPunctuateTheOthers() {
        assertThat(CandidateFinder.joinParts(List.of("Jalan 7/118B", "56000 Kuala Lumpur,")))
                .isEqualTo("Jalan 7/118B, 56000 Kuala Lumpur,");
    }

    @Test
    void aFullStopClosingTheLastLineMeansTheDocumentPunctuatedItsAddress() {
        assertThat(CandidateFinder.joinParts(
                        List.of("No.1, Jalan Permas 10/5, Bandar Baru Permas Jaya", "81750 Johor Bahru, Johor.")))
                .isEqualTo("No.1, Jalan Permas 10/5, Bandar Baru Permas Jaya 81750 Johor Bahru, Johor.");
    }

    @Test
    void anAbbreviationEndingTheLastLineIsNoFullStop() {
        assertThat(CandidateFinder.joinParts(List.of("Belstostr. 109", "14481 Hagustadt Str.")))
                .isEqualTo("Belstostr. 109, 14481 Hagustadt Str.");
        assertThat(CandidateFinder.joinParts(List.of("12 Main Road", "Shah Alam, Selangor D.E.")))
                .isEqualTo("12 Main Road, Shah Alam, Selangor D.E.");
    }

    @Test
    void aFullStopClosingAnyLineMeansTheDocumentPunctuatedItsAddress() {
        assertThat(CandidateFinder.joinParts(List.of(
                        "Lot NO : 20, Level UG1, Publika Solaris", "Dutamas.", "No 1, Jalan Dutamas, 50480 KL")))
                .isEqualTo("Lot NO : 20, Level UG1, Publika Solaris Dutamas. No 1, Jalan Dutamas, 50480 KL");
    }
}
