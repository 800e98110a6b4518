package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OcrLanguagesTest {

    private static final OcrLanguages SIX = OcrLanguages.of(List.of("eng", "deu", "fra", "spa", "nld", "ita"));

    private static final double CLEAN = 0.95;

    private static List<Line> lines(String... texts) {
        return Arrays.stream(texts)
                .map(text -> new Line(Arrays.stream(text.split(" "))
                        .map(word -> Word.of(word, new Box(0, 0, 0.1, 0.02)))
                        .toList()))
                .toList();
    }

    /** The second reading of a page read first without a document language. */
    private static Optional<String> second(OcrLanguages plan, List<Line> reading, double confidence) {
        return plan.second(plan.first(), plan.shown(reading), confidence);
    }

    @Test
    void theFirstReadingUsesTheFirstLanguageAlone() {
        assertThat(SIX.first()).isEqualTo("eng");
        assertThat(SIX.detectable())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("de", "deu", "fr", "fra", "es", "spa", "nl", "nld", "it", "ita"));
    }

    @Test
    void anEnglishPageIsNotReadAgain() {
        var english = lines("Invoice number 4711", "Please pay the amount due within 14 days", "Total 120.00");

        assertThat(second(SIX, english, CLEAN)).isEmpty();
    }

    @Test
    void aPageInAnotherConfiguredLanguageIsReadAgainWithThatLanguageFirst() {
        // As English reads German: the umlauts are gone, the function words are not.
        var german = lines(
                "Rechnung Nr. 4711",
                "Bitte zahlen Sie den Betrag bis zum 14.03.2024",
                "Vielen Dank fur Ihre Bestellung");
        var french = lines("Facture 2024-117", "Montant total TTC", "Merci pour votre commande");

        assertThat(second(SIX, german, CLEAN)).contains("deu+eng");
        assertThat(second(SIX, french, CLEAN)).contains("fra+eng");
    }

    @Test
    void aCleanEnglishPageFromACompanyInAnotherCountryIsReadOnce() {
        var fromGermany = lines(
                "Kersto AG", "Zelmexstrake 10 - 82592 Daxtorstadt", "Invoice number 4711", "VAT No.: DE836428345");

        assertThat(second(SIX, fromGermany, CLEAN)).isEmpty();
    }

    @Test
    void aNoisyPageIsReadAgainWithEveryConfiguredLanguage() {
        var receipt = lines("HAI-O RAYA BHD", "THANK YOU, PLEASE COME AGAIN", "TOTAL INCL. GST 6.00% RM 47.70");

        assertThat(second(SIX, receipt, 0.7)).contains("eng+deu+fra+spa+nld+ita");
        assertThat(second(OcrLanguages.of(List.of("eng")), receipt, 0.7)).isEmpty();
    }

    @Test
    void aLanguageThatIsNotConfiguredIsNotReadAgain() {
        OcrLanguages englishAndFrench = OcrLanguages.of(List.of("eng", "fra"));

        assertThat(second(
                        englishAndFrench,
                        lines("Rechnung Nr. 4711", "Bitte zahlen Sie den Betrag bis zum Datum"),
                        CLEAN))
                .isEmpty();
    }

    @Test
    void languagesTheDetectorCannotNameJoinTheFirstReading() {
        OcrLanguages withPortuguese = OcrLanguages.of(List.of("eng", "por", "deu"));

        assertThat(withPortuguese.first()).isEqualTo("eng+por");
        assertThat(second(
                        withPortuguese, lines("Rechnung Nr. 4711", "Bitte zahlen Sie den Betrag bis zum Datum"), CLEAN))
                .contains("deu+eng+por");
    }

    @Test
    void aSingleLanguageIsOneReading() {
        OcrLanguages german = OcrLanguages.of(List.of("deu"));

        assertThat(german.first()).isEqualTo("deu");
        assertThat(second(german, lines("Invoice number 4711", "Please pay the amount due"), CLEAN))
                .isEmpty();
    }

    @Test
    void laterPagesStartWithTheLanguageTheDocumentShowedAndAreReadOnce() {
        var german = lines(
                "Rechnung Nr. 4711",
                "Bitte zahlen Sie den Betrag bis zum 14.03.2024",
                "Vielen Dank fur Ihre Bestellung");
        var french = lines("Facture 2024-117", "Montant total TTC", "Merci pour votre commande");
        String carried = SIX.first(Optional.of("deu"));

        assertThat(carried).isEqualTo("deu+eng");
        assertThat(SIX.second(carried, SIX.shown(german), CLEAN)).isEmpty();
        assertThat(SIX.second(carried, SIX.shown(french), CLEAN)).contains("fra+eng");
        assertThat(SIX.second(carried, SIX.shown(lines("4711 12.00 24.00")), 0.7))
                .contains("eng+deu+fra+spa+nld+ita");
    }

    @Test
    void aNoisyPageReadWithEveryLanguageIsNotReadAgain() {
        var receipt = lines("HAI-O RAYA BHD", "THANK YOU, PLEASE COME AGAIN");

        assertThat(SIX.second(SIX.all(), SIX.shown(receipt), 0.7)).isEmpty();
    }
}
