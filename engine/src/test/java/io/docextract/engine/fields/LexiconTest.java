package io.docextract.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconTest {

    private final Lexicon lexicon = Lexicon.builtIn();

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Steuerbetrag               | tax
            Bruttosumme                | total
            Rechnungssumme ohne USt.   | subtotal
            Total without VAT          | subtotal
            Positionssumme             | subtotal
            USt.-Id.-Nr.:              | vat_id
            Steuernummer:              | company_registration
            SIRET                      | company_registration
            Co. Reg. No.               | company_registration
            Total Sales (Excluding GST) | subtotal
            Total Sales (Inclusive of GST) | total
            Amount incl. GST           | total
            Ext. Price                 | line_amount
            Extended amount            | line_amount
            Mge.                       | quantity
            Item Code                  | item_number
            Regeltotaal                | line_amount
            Hoev.                      | quantity
            Aant.                      | quantity
            Beschrijving               | description
            Prijs per stuk             | unit_price
            Summe USt.                 | tax
            Total GST                  | tax
            Total Qty                  | quantity
            Avoir                      | title_credit
            Gutschrift                 | title_credit
            Credit note                | title_credit
            Exclusief BTW              | subtotal
            VAT total                  | tax
            Please remit until         | due_date
            Bitte überweisen Sie bis zum | due_date
            Zahlbar innerhalb 30 Tagen | due_date
            Booking ID                 | document_number
            Handelsrechnung Nr.        | document_number
            Facture                    | document_number
            """)
    void labelsNameTheirConcept(String label, String concept) {
        assertThat(lexicon.match(Tokenizer.tokens(label)).concepts()).contains(concept.strip());
    }

    @ParameterizedTest(name = "beside the best phrase of {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            N° TVA client              | buyer
            Customer VAT number        | buyer
            VAT number                 | -
            Customer service           | -
            """)
    void wordsBesideTheBestPhraseSayWhose(String label, String concept) {
        LabelMatch beside = lexicon.besideBest(Tokenizer.tokens(label));
        if (concept == null) {
            assertThat(beside.concepts()).doesNotContain("buyer", "seller");
        } else {
            assertThat(beside.concepts()).contains(concept);
        }
    }

    @ParameterizedTest(name = "{0} does not name {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Rechnungssumme ohne USt.   | tax
            Steuernummer:              | vat_id
            SIRET                      | vat_id
            Summe USt.                 | total
            Item Code                  | description
            """)
    void labelsDoNotNameOtherConcepts(String label, String concept) {
        assertThat(lexicon.match(Tokenizer.tokens(label)).concepts()).doesNotContain(concept.strip());
    }
}
