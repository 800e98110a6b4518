package io.docextract.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.FieldSpec;
import io.docextract.engine.FieldType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldQueryTest {

    private final Lexicon lexicon = Lexicon.builtIn();

    private FieldQuery query(String name, String type, String description) {
        return FieldQuery.of(
                FieldSpec.of(name, FieldType.fromApiName(type).orElseThrow(), description), lexicon, Party.SELLER);
    }

    @ParameterizedTest(name = "{0} means {3}")
    @CsvSource(delimiter = '|', textBlock = """
            invoice_number   | text     | The unique invoice identifier            | document_number | IDENTIFIER
            receipt_number   | text     | Receipt or transaction number.           | document_number | IDENTIFIER
            po_number        | text     | The customer's purchase order number.    | order_number    | IDENTIFIER
            invoice_date     | date     | Date the invoice was issued.             | issue_date      | DATE
            due_date         | date     | Date by which the invoice must be paid.  | due_date        | DATE
            due_date         | date     | Date by which to pay                     | due_date        | DATE
            doc_date         | date     | Date of the document                     | issue_date      | DATE
            tip              | currency | Gratuity added by the customer           | tip             | AMOUNT
            shipping_cost    | currency | Shipping and handling charged            | shipping        | AMOUNT
            payment_method   | text     | How the purchase was paid                | payment_method  | TEXT
            delivery_date    | date     | Requested delivery date.                 | delivery_date   | DATE
            total_amount     | currency | Total including tax.                     | total           | AMOUNT
            subtotal_amount  | currency | Total before tax.                        | subtotal        | AMOUNT
            tax_amount       | currency | Total tax.                               | tax             | AMOUNT
            amount_due       | currency | Amount still to be paid.                 | amount_due      | AMOUNT
            net_pay          | currency | Net pay for the period.                  | net_pay         | AMOUNT
            gross_pay        | currency | Gross pay for the period.                | gross_pay       | AMOUNT
            income_tax       | currency | Income tax deducted for the period.      | income_tax      | AMOUNT
            total_deductions | currency | Total deductions for the period.         | deductions      | AMOUNT
            vendor_vat_id    | text     | VAT or tax registration number.          | vat_id          | IDENTIFIER
            iban             | text     | IBAN of the seller's bank account.       | iban            | IDENTIFIER
            account_number   | text     | Customer account number.                 | account_number  | IDENTIFIER
            employee_id      | text     | Employee number.                         | employee_id     | IDENTIFIER
            vendor_email     | email    | E-mail address of the seller.            | email           | EMAIL
            currency         | text     | ISO 4217 code of the currency.           | currency        | CURRENCY_CODE
            vendor_address   | text     | Postal address of the seller.            | address         | ADDRESS
            """)
    void mapsFieldsToConcepts(String name, String type, String description, String concept, FieldKind kind) {
        FieldQuery q = query(name.strip(), type.strip(), description.strip());
        assertThat(q.topConcept()).isEqualTo(concept.strip());
        assertThat(q.kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vendor_name   | Name of the company that issued the invoice. | SELLER | ISSUER
            buyer_name    | Name of the customer the invoice is addressed to. | BUYER | RECIPIENT
            employee_name | Name of the employee.                        | EMPLOYEE | RECIPIENT
            """)
    void findsTheParty(String name, String description, Party party, Party.Role role) {
        FieldQuery q = query(name.strip(), "text", description.strip());
        assertThat(q.party()).isEqualTo(party);
        assertThat(q.role()).isEqualTo(role);
        assertThat(q.kind()).isEqualTo(FieldKind.NAME);
    }

    @Test
    void aPartysWebsiteIsNotItsName() {
        // "vendor" and "website" name two concepts equally: the value is a website, the party says whose.
        FieldQuery q = query("vendor_website", "text", "Website of the company that issued the invoice");
        assertThat(q.party()).isEqualTo(Party.SELLER);
        assertThat(q.kind()).isEqualTo(FieldKind.TEXT);
    }

    @Test
    void purchaseOrderBuyerIsTheIssuer() {
        FieldQuery q = FieldQuery.of(
                FieldSpec.of("buyer_name", FieldType.TEXT, "Name of the company placing the order."),
                lexicon,
                Party.BUYER);
        assertThat(q.role()).isEqualTo(Party.Role.ISSUER);
    }

    @Test
    void anAmountDueLabelNamesTheTotalUnlessAnotherFieldClaimsIt() {
        FieldSpec total = FieldSpec.of("total", FieldType.CURRENCY, "Total amount paid.");
        FieldQuery alone = FieldQuery.of(total, lexicon, Party.SELLER, java.util.Set.of("total"));
        assertThat(alone.conceptWeights().get("amount_due")).isEqualTo(0.9);
        FieldQuery withAmountDue = FieldQuery.of(total, lexicon, Party.SELLER, java.util.Set.of("total", "amount_due"));
        assertThat(withAmountDue.conceptWeights()).doesNotContainKey("amount_due");
    }

    @Test
    void conceptsSharingOnlyTheFieldsOneWordAreOtherConcepts() {
        // "Total tax", "Total qty" share "total" with a field named total; their labels are not the total's.
        FieldQuery q = query("total", "currency", "Total amount paid.");
        assertThat(q.conceptWeights()).doesNotContainKeys("tax", "quantity", "subtotal");
    }

    @Test
    void negatedConceptsAreExcluded() {
        FieldQuery q = query("invoice_date", "date", "The date the invoice was issued, not the due date.");
        assertThat(q.negated()).contains("due_date");
        assertThat(q.conceptWeights()).doesNotContainKey("due_date");
    }

    @Test
    void rangeEndsComeFromTheName() {
        assertThat(query("billing_period_start", "date", "").range()).isEqualTo(-1);
        assertThat(query("pay_period_end", "date", "").range()).isEqualTo(1);
        assertThat(query("invoice_date", "date", "").range()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Address of the shop as printed on the receipt | true
            Address of the shop as it is printed          | true
            The address, verbatim                         | true
            Anschrift des Händlers, wie gedruckt          | true
            Adresse du magasin telle qu'imprimée          | true
            Dirección de la tienda tal como está impresa  | true
            Adres van de winkel zoals gedrukt             | true
            Indirizzo del negozio come stampato           | true
            Address of the shop, as one line.             | false
            Postal address of the seller.                 | false
            Total as shown on the receipt                 | false
            """)
    void aDescriptionAsksForTheValueAsPrinted(String description, boolean asPrinted) {
        assertThat(query("vendor_address", "text", description).asksForPrintedText())
                .isEqualTo(asPrinted);
    }

    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Rechnungs-Nr.:       | document_number
            Rechnungsnummer      | document_number
            Factura nº           | document_number
            N° de facture        | document_number
            Summe netto:         | subtotal
            Gesamtbetrag:        | total
            Zahlbar bis:         | due_date
            Fecha límite:        | due_date
            Ihre Bestellnummer:  | order_number
            USt. 19%:            | tax
            Total a pagar        | amount_due
            Date d'échéance      | due_date
            Código de cliente:   | account_number
            Factuurdatum         | issue_date
            Totaal te betalen    | amount_due
            Bruttoentgelt        | gross_pay
            Überweisungsbetrag   | net_pay
            (Co. No.             | company_registration
            """)
    void matchesLabelsInSixLanguages(String label, String concept) {
        LabelMatch match = lexicon.match(Tokenizer.tokens(label));
        assertThat(match.concepts()).contains(concept.strip());
    }

    @Test
    void tokenizerSplitsCompoundsAndFoldsNumberWords() {
        assertThat(Tokenizer.tokens("Rechnungsnummer")).isEqualTo(List.of("rechnung", "no"));
        assertThat(Tokenizer.tokens("Invoice #")).isEqualTo(List.of("invoice", "no"));
        assertThat(Tokenizer.tokens("Fecha límite")).isEqualTo(List.of("fecha", "limite"));
    }
}
