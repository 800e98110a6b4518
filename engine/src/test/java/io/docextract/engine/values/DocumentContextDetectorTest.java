package io.docextract.engine.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.FieldType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentContextDetectorTest {

    private final DocumentContextDetector detector = new DocumentContextDetector();

    /** Lines of a small document, separated by "/" in the table. */
    private static List<String> lines(String document) {
        return Arrays.stream(document.split(" / ")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Rechnung Nr. 4711 / Rechnungsdatum: 03.04.2024 / Bitte zahlen Sie den Betrag bis zum 30.04.2024 / Gesamtbetrag 1.234,56 € / USt-IdNr. DE123456789 | de | DE | DAY_FIRST | EUR
            Facture n° 88 / Date : 02/03/2024 / Montant total TTC : 1 234,56 € / TVA FR11999999998 / Merci pour votre commande | fr | FR | DAY_FIRST | EUR
            Factura / Fecha de la factura 05/06/2024 / Importe total 509,25 € / Gracias por su pedido / CIF ESB49982681 | es | ES | DAY_FIRST | EUR
            Factuur / Factuurdatum 04-05-2024 / Totaal te betalen € 99,00 / BTW NL810433941B01 / IBAN NL91ABNA0417164300 | nl | NL | DAY_FIRST | EUR
            Fattura n. 12 / Data 04/05/2024 / Totale da pagare 99,00 € / P.IVA IT12345678901 / Grazie per il vostro ordine | it | IT | DAY_FIRST | EUR
            Invoice 1001 / Invoice date: 03/04/2024 / Due date: 03/18/2024 / Total due $1,234.56 / Thank you for your business | en | US | MONTH_FIRST | USD
            Invoice 1001 / 4726 Jalo Way, Rinma Falls, WA 98070 / Date 03/04/2024 / Total $38.26 / Thank you for your order | en | US | MONTH_FIRST | USD
            Invoice / Date 03/04/2024 / Tel +44 20 7946 0958 / Total £99.99 / VAT GB123456789 / Please pay by the due date | en | GB | DAY_FIRST | GBP
            Tax invoice / Date: 12/01/2019 / Total RM 33.90 / Thank you | en | MY | DAY_FIRST | MYR
            Rechnung / Datum 03.04.2024 / Betrag CHF 1'234.50 / UID CHE-123.456.789 MWST / Vielen Dank | de | CH | DAY_FIRST | CHF
            Tax Invoice / Warehouse: Hoskote Taluk, Bangalore, Karnataka, India - 560067 / Invoice Date: 20-10-2015 / Grand Total 319.00 | en | IN | DAY_FIRST | INR
            Invoice / Jordan Miller / Date 25/12/2024 / Total 12.00 | en | - | DAY_FIRST | -
            Order / Date 25/12/2024 / Total 12.00 | en | - | DAY_FIRST | -
            MR D.I.Y. TRADING / Date 25/12/2024 / Total 12.00 | - | - | DAY_FIRST | -
            Pan y leche / Fecha 25/12/2024 / Total 12,00 | es | ES | DAY_FIRST | EUR
            12 / 34 | - | - | UNKNOWN | -
            """)
    void detectsContext(String document, String language, String country, DateOrder order, String currency) {
        DocumentContext context = detector.detect(lines(document));
        assertThat(context.language()).isEqualTo(language);
        assertThat(context.country()).isEqualTo(country);
        assertThat(context.dateOrder()).isEqualTo(order);
        assertThat(context.currency()).isEqualTo(currency);
    }

    /**
     * The captions of a document's header name its language: OCR reads the top band of a page
     * first to choose its languages, and the band may hold no more than a title and captions, and
     * OCR's misreadings of a column of row numbers ("UW", a Dutch word).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RECHNUNG 4712 Datum 12.03.2024 Kundennummer 88213 / N OO UW BP W NY | de
            Klantnummer 4711 / Datum 12-03-2024                                 | nl
            Numéro client 88 / Livraison 12 rue des Lilas                       | fr
            Número de cliente 88 / Entrega calle Mayor 5                        | es
            Indirizzo di consegna / Scadenza 12/03/2024                         | it
            Customer 4711 / Delivery terms / Phone 555 0199                     | en
            """)
    void headerCaptionsNameTheLanguage(String document, String language) {
        assertThat(detector.detect(lines(document.strip())).language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Date 13/04/2024 / Due 04/05/2024          | DAY_FIRST
            Date 04/13/2024 / Due 05/04/2024          | MONTH_FIRST
            Datum 13.04.2024 / Invoice USD $12.00     | DAY_FIRST
            """)
    void unambiguousDatesDecideTheOrder(String document, DateOrder expected) {
        assertThat(detector.detect(lines(document)).dateOrder()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = FieldType.class,
            names = {"NUMBER", "CURRENCY", "DATE", "EMAIL", "PHONE", "BOOLEAN"})
    void everyValueTypeHasAScanner(FieldType type) {
        String line = "15.03.2024 12,50 € info@example.com +49 89 1234 5678 PAID";
        assertThat(ValueScanners.forType(type).scan(line, DocumentContext.unknown()))
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = FieldType.class,
            names = {"TEXT", "ARRAY", "OBJECT"})
    void layoutTypesHaveNoValueScanner(FieldType type) {
        assertThat(ValueScanners.forType(type).scan("15.03.2024 12,50 €", DocumentContext.unknown()))
                .isEmpty();
    }
}
