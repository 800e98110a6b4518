package io.docextract.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.DefaultExtractionEngine;
import io.docextract.engine.ExtractionResult;
import io.docextract.engine.ExtractorSpec;
import io.docextract.engine.FieldSpec;
import io.docextract.engine.FieldType;
import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import io.docextract.engine.values.DocumentContextDetector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldFinderTest {

    private final FieldFinder finder = new FieldFinder(DefaultExtractionEngine.standardScanners());

    /**
     * One page; each row is a line of cells "text@x" (x in points), 20 points apart; "text@c"
     * centres the cell on the page, as a receipt's header.
     */
    private static Layout layout(List<String> rows) {
        List<Line> lines = new ArrayList<>();
        double y = 60;
        for (String row : rows) {
            List<Word> words = new ArrayList<>();
            for (String cell : row.split(";")) {
                int at = cell.lastIndexOf('@');
                String where = cell.substring(at + 1);
                double x = where.equals("c")
                        ? (595
                                        - (5.5
                                                        * cell.substring(0, at)
                                                                .replace(" ", "")
                                                                .length()
                                                + 3 * (cell.substring(0, at).split(" ").length - 1)))
                                / 2
                        : Double.parseDouble(where);
                for (String w : cell.substring(0, at).split(" ")) {
                    double width = 5.5 * w.length();
                    words.add(new Word(w, new Box(x / 595, y / 842, (x + width) / 595, (y + 9) / 842), 1.0, 10, false));
                    x += width + 3;
                }
            }
            lines.add(new Line(words));
            y += 20;
        }
        return new Layout(List.of(new Page(1, 595, 842, lines, false)));
    }

    private static List<String> document(String title, String sign) {
        return List.of(
                title + "@40;No. 2017-0005@300",
                "Au bon moulin SARL@40",
                "Date@40;16/11/2017@150",
                "Huile d'olive 10 L@40;" + sign + "198,00 €@450",
                "Total HT@300;" + sign + "218,48 €@450",
                "Total TVA@300;" + sign + "14,99 €@450",
                "Total TTC@300;" + sign + "233,47 €@450");
    }

    private static final ExtractorSpec EXTRACTOR = new ExtractorSpec(
            "invoice",
            "",
            List.of(
                    FieldSpec.of("total_amount", FieldType.CURRENCY, "Total including tax"),
                    FieldSpec.of("subtotal_amount", FieldType.CURRENCY, "Total before tax"),
                    new FieldSpec(
                            "currency",
                            FieldType.TEXT,
                            "Currency of the amounts, as an ISO 4217 code",
                            false,
                            List.of("EUR", "USD", "GBP"),
                            null,
                            List.of())));

    @ParameterizedTest(name = "{0} with amounts printed as {1}x")
    @CsvSource(delimiter = '|', textBlock = """
            Avoir    | -
            Avoir    | ''
            Facture  | ''
            """)
    void creditNoteAmountsAreMagnitudesAndCurrencyComesFromTheSymbol(String title, String sign) {
        ExtractionResult result = finder.extract(layout(document(title.strip(), sign.strip())), EXTRACTOR);
        assertThat((BigDecimal) result.data().get("total_amount")).isEqualByComparingTo("233.47");
        assertThat((BigDecimal) result.data().get("subtotal_amount")).isEqualByComparingTo("218.48");
        assertThat(result.data().get("currency")).isEqualTo("EUR");
    }

    @Test
    void invoiceKeepsTheSign() {
        List<String> rows = new ArrayList<>(document("Facture", ""));
        rows.set(6, "Total TTC@300;-233,47 €@450");
        ExtractionResult result = finder.extract(layout(rows), EXTRACTOR);
        assertThat((BigDecimal) result.data().get("total_amount")).isEqualByComparingTo("-233.47");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            AEON CO. (M) BHD (126926-H)          | AEON CO. (M) BHD
            GARDENIA BAKERIES (KL) SDN BHD (139386 X) | GARDENIA BAKERIES (KL) SDN BHD
            MOONLIGHT CAKE HOUSE SDN BHD 862725-U | MOONLIGHT CAKE HOUSE SDN BHD
            KING'S CONFECTIONERY S/B 273500-U (KSB) | KING'S CONFECTIONERY S/B
            Rinma Falls, WA 98101                 | Rinma Falls, WA 98101
            Invoice 2023-0001                     | Invoice 2023-0001
            (126926-H)                            | (126926-H)
            """)
    void namesLoseATrailingRegistrationNumber(String printed, String name) {
        Layout layout = layout(List.of(printed.strip() + "@40"));
        DocumentIndex index = new DocumentIndex(
                layout, io.docextract.engine.values.DocumentContext.unknown(), Lexicon.builtIn(), null);
        TextLine line = index.lines().getFirst();
        int end = CandidateFinder.withoutRegistrationTail(line, 0, line.words().size());
        assertThat(line.textOf(0, end)).isEqualTo(name.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Free SAS au capital de 3.441.812 Euros − RCS Paris        | Free SAS
            Metallbau Leipzig GmbH & Co. KG Werk 2 Halle 7             | Metallbau Leipzig GmbH & Co. KG
            GARDENIA BAKERIES (KL) SDN BHD (139386 X)                  | -
            SARL au capital de 10 000 € - RCS Paris                    | -
            Thank you for shopping at Aeon Co. Bhd today               | -
            """)
    void aCompanyNameOpeningALegalNoticeEndsAfterItsLegalForm(String printed, String name) {
        Layout layout = layout(List.of(printed.strip() + "@40"));
        DocumentIndex index = new DocumentIndex(
                layout, io.docextract.engine.values.DocumentContext.unknown(), Lexicon.builtIn(), null);
        TextLine line = index.lines().getFirst();
        int end = CandidateFinder.legalFormEnd(line, line.segments().getFirst());
        assertThat(end == 0 ? "-" : line.textOf(0, end)).isEqualTo(name.strip());
    }

    @Test
    void aNameThatIsNoPartysIsFoundByItsLabelNotTheLetterhead() {
        Layout receipt = layout(List.of(
                "SUPERMARKT HOLLAND BV@200",
                "Stationsplein 4@200",
                "1012 AB Amsterdam@200",
                "Bon 4471@40;12-03-2024 14:22@300",
                "Cashier: Anouk Visser@40",
                "Melk 1,29@40",
                "TOTAL@40;1,29@300"));
        ExtractorSpec extractor = new ExtractorSpec(
                "receipt",
                "",
                List.of(
                        FieldSpec.of("merchant_name", FieldType.TEXT, "Name of the shop"),
                        FieldSpec.of("cashier", FieldType.TEXT, "Name of the cashier who served")));
        ExtractionResult result = finder.extract(receipt, extractor);
        assertThat(result.data().get("merchant_name")).isEqualTo("SUPERMARKT HOLLAND BV");
        assertThat(result.data().get("cashier")).isEqualTo("Anouk Visser");
    }

    @Test
    void fieldsTheLexiconDoesNotKnowAreFoundByTheirOwnLabels() {
        // No concept of the lexicon is about rent, deposits or late fees ("fee" alone is half of
        // "delivery fee"): the labels that print the fields' names must win over the generic cues.
        Layout lease = layout(List.of(
                "Residential Lease Agreement@40",
                "Lease term:@40;12 months@200",
                "Monthly rent:@40;$1,850.00@200",
                "Security deposit:@40;$2,775.00@200",
                "Rent is due on the 1st day of each month. Late fee: $75.00 after 5 days.@40"));
        ExtractorSpec extractor = new ExtractorSpec(
                "lease_agreement",
                "",
                List.of(
                        FieldSpec.of("term_months", FieldType.NUMBER, "Length of the lease in months"),
                        FieldSpec.of("monthly_rent", FieldType.CURRENCY, "Rent per month"),
                        FieldSpec.of("security_deposit", FieldType.CURRENCY, "Deposit paid at signing"),
                        FieldSpec.of("late_fee", FieldType.CURRENCY, "Fee charged when rent is late")));
        ExtractionResult result = finder.extract(lease, extractor);
        assertThat(result.data().get("term_months")).isEqualTo(new BigDecimal("12"));
        assertThat((BigDecimal) result.data().get("monthly_rent")).isEqualByComparingTo("1850.00");
        assertThat((BigDecimal) result.data().get("security_deposit")).isEqualByComparingTo("2775.00");
        assertThat((BigDecimal) result.data().get("late_fee")).isEqualByComparingTo("75.00");
    }

    @Test
    void anAddressEndsWhereTheNextCaptionedValueStarts() {
        Layout lease = layout(List.of(
                "This Lease Agreement is made between Harbor View Properties LLC and Maria Gonzalez.@40",
                "Property address:@40;1420 Elm Street, Apt 5B, Springfield, IL 62704@200",
                "Lease term:@40;12 months@200",
                "Start date:@40;04/01/2025@200"));
        ExtractorSpec extractor = new ExtractorSpec(
                "lease_agreement",
                "",
                List.of(FieldSpec.of("property_address", FieldType.TEXT, "Address of the rented property")));
        assertThat(finder.extract(lease, extractor).data().get("property_address"))
                .isEqualTo("1420 Elm Street, Apt 5B, Springfield, IL 62704");
    }

    @Test
    void aFieldWhoseHeadWordTheLexiconLacksIsFoundByItsLabel() {
        // "account_holder" shares "account" with the account number concept, but it is a holder;
        // "Opening balance" and "Closing balance" are the statement's, not its table's "Balance".
        Layout statement = layout(List.of(
                "ACCOUNT STATEMENT@40",
                "Account holder:@40;Daniel R. Whitaker@200",
                "Account number:@40;0048-221937-5@200",
                "Opening balance@40;£4,210.55@400",
                "Closing balance@40;£4,456.24@400",
                "Date@40;Description@100;Paid out@300;Balance@400",
                "12 Sep@40;Tesco Stores@100;124.31@300;5,756.24@400",
                "28 Sep@40;Standing order@100;1,300.00@300;4,456.24@400"));
        ExtractorSpec extractor = new ExtractorSpec(
                "bank_statement",
                "",
                List.of(
                        FieldSpec.of("account_holder", FieldType.TEXT, "Name of the account holder"),
                        FieldSpec.of("account_number", FieldType.TEXT, null),
                        FieldSpec.of("opening_balance", FieldType.CURRENCY, null)));
        ExtractionResult result = finder.extract(statement, extractor);
        assertThat(result.data().get("account_holder")).isEqualTo("Daniel R. Whitaker");
        assertThat(result.data().get("account_number")).isEqualTo("0048-221937-5");
        assertThat((BigDecimal) result.data().get("opening_balance")).isEqualByComparingTo("4210.55");
    }

    @Test
    void aLabelThatSaysTheDescriptionNamesTheField() {
        // "Number of packages" is package_count's description; "Qty" over the items is a quantity
        // too. "Signature on delivery required" names signature_required but for its stop word.
        Layout slip = layout(List.of(
                "DELIVERY NOTE@40",
                "Shipper:@40;Consignee:@300",
                "Nordlicht Outdoor GmbH@40;Trailhead Supply Co.@300",
                "Hafenstrasse 12@40;880 Pine Ridge Road@300",
                "20457 Hamburg, Germany@40;Boulder, CO 80302, USA@300",
                "Carrier: DHL Express@300",
                "Number of packages: 3@40;Gross weight: 42.5 kg@300",
                "Item@40;Description@120;Qty@400",
                "TR-2201@40;Alpine tent 2P@120;4@400",
                "SB-0410@40;Down sleeping bag@120;6@400",
                "Signature on delivery required: Yes@40"));
        FieldSpec item = new FieldSpec(
                "item",
                FieldType.OBJECT,
                null,
                false,
                List.of(),
                null,
                List.of(
                        FieldSpec.of("description", FieldType.TEXT, null),
                        FieldSpec.of("quantity", FieldType.NUMBER, null)));
        ExtractorSpec extractor = new ExtractorSpec(
                "delivery_note",
                "",
                List.of(
                        FieldSpec.of("package_count", FieldType.NUMBER, "Number of packages"),
                        FieldSpec.of("signature_required", FieldType.BOOLEAN, null),
                        FieldSpec.of("consignee_address", FieldType.TEXT, "Delivery address"),
                        new FieldSpec("items", FieldType.ARRAY, null, false, List.of(), item, List.of())));
        ExtractionResult result = finder.extract(slip, extractor);
        assertThat(result.data().get("package_count")).isEqualTo(new BigDecimal("3"));
        assertThat(result.data().get("signature_required")).isEqualTo(true);
        // The block under the consignee ends at the "Carrier:" caption the lexicon does not know.
        assertThat(result.data().get("consignee_address")).isEqualTo("880 Pine Ridge Road, Boulder, CO 80302, USA");
        // "Item" names a description too; the column headed "Description" is the description.
        List<Object> descriptions = ((List<?>) result.data().get("items"))
                .stream()
                        .map(row -> ((java.util.Map<?, ?>) row).get("description"))
                        .map(Object.class::cast)
                        .toList();
        assertThat(descriptions).containsExactly("Alpine tent 2P", "Down sleeping bag");
    }

    @ParameterizedTest
    @CsvSource({"invoice_date", "issue_date", "date"})
    void theDocumentNumbersCaptionDatesTheDocumentWhateverTheDateFieldIsCalled(String name) {
        Layout invoice = layout(List.of(
                "Lieferant GmbH@40",
                "Handelsrechnung (380) Nr. 471102 vom 05.03.2018@40",
                "Artikel@40;Menge@300;Betrag@450",
                "Trennblätter A4@40;20@300;198,00 €@450",
                "Bemerkung: Rechnung gemäß Bestellung vom 01.03.2018.@40",
                "Gesamtbetrag@300;235,62 €@450"));
        ExtractorSpec extractor = new ExtractorSpec(
                "invoice", "", List.of(FieldSpec.of(name, FieldType.DATE, "Date the invoice was issued")));
        assertThat(finder.extract(invoice, extractor).data().get(name)).isEqualTo("2018-03-05");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            vat_rate | VAT rate in percent
            tax_rate | ''
            vat_pct  | ''
            """)
    void aRateInPercentIsANumberPrintedAsAPercentage(String name, String description) {
        Layout invoice = layout(List.of(
                "INVOICE@40", "Subtotal@300;2,780.00@450", "VAT 20%@300;556.00@450", "Total GBP@300;3,336.00@450"));
        ExtractorSpec extractor = new ExtractorSpec(
                "invoice",
                "",
                List.of(FieldSpec.of(name, FieldType.NUMBER, description.isEmpty() ? null : description)));
        assertThat(finder.extract(invoice, extractor).data().get(name)).isEqualTo(new BigDecimal("20"));
    }

    @Test
    void aLegalFormIsNoEvidenceForTextThatIsNoName() {
        Layout invoice = layout(List.of(
                "Bright Pixel Studio Ltd@40",
                "14 Canal Street, Manchester M1 3HE@40",
                "INVOICE@40",
                "Payment Terms: 30 days net@40;Due Date: 18/07/2025@300",
                "Total GBP@300;3,336.00@450"));
        ExtractorSpec extractor =
                new ExtractorSpec("invoice", "", List.of(FieldSpec.of("payment_terms", FieldType.TEXT, null)));
        assertThat(finder.extract(invoice, extractor).data().get("payment_terms"))
                .isEqualTo("30 days net");
    }

    @ParameterizedTest
    @CsvSource({"vat", "tax_amount"})
    void aCurrencyCodeInTheCaptionsColumnDoesNotGiveTheTotalTheCaptionAboveIt(String name) {
        // "GBP 3,336.00" is read with its code, which stands in the captions' column under "VAT 20%".
        Layout invoice = layout(List.of(
                "INVOICE@40", "Subtotal@300;2,780.00@450", "VAT 20%@300;556.00@450", "Total GBP@300;3,336.00@450"));
        ExtractorSpec extractor =
                new ExtractorSpec("invoice", "", List.of(FieldSpec.of(name, FieldType.CURRENCY, null)));
        assertThat((BigDecimal) finder.extract(invoice, extractor).data().get(name))
                .isEqualByComparingTo("556.00");
    }

    @Test
    void anIdentifierOtherThanABankAccountIsNeverAnIban() {
        Layout payslip = layout(List.of(
                "Payslip@40",
                "Employee@40;Vessa Pellham@150",
                "Staff ref@40;939-91@150",
                "Paid to account@40;DE89 3704 0044 0532 0130 00@150",
                "Net pay@300;2.345,00 €@450"));
        ExtractorSpec extractor = new ExtractorSpec(
                "payslip",
                "",
                List.of(
                        FieldSpec.of("employee_id", FieldType.TEXT, "Employee number"),
                        FieldSpec.of("iban", FieldType.TEXT, "IBAN the pay is paid to")));
        FieldFinder.Run run = finder.start(payslip, extractor);
        List<String> employeeIds = run.rank(run.query(extractor.fields().get(0))).stream()
                .map(s -> String.valueOf(s.candidate().value()).replace(" ", ""))
                .toList();
        assertThat(employeeIds).contains("939-91").doesNotContain("DE89370400440532013000");
        List<String> ibans = run.rank(run.query(extractor.fields().get(1))).stream()
                .map(s -> String.valueOf(s.candidate().value()))
                .toList();
        assertThat(ibans).contains("DE89370400440532013000");
        assertThat(finder.extract(payslip, extractor).data().get("iban")).isEqualTo("DE89370400440532013000");
    }

    @Test
    void aDocumentNumberIsNeverItsPrintedDate() {
        // The date sits after a label the field's description half-names; the number stands under its own caption.
        Layout receipt = layout(List.of(
                "PAYMENT RECEIPT@40",
                "Guest Name: Mira Tolland@40;Date: 31/12/2017@300",
                "Booking ID@300",
                "QXRA4410@300",
                "Order 20171231@40",
                "Grand Total@40;Rs 1939@300"));
        ExtractorSpec extractor = new ExtractorSpec(
                "invoice",
                "",
                List.of(FieldSpec.of("invoice_number", FieldType.TEXT, "The unique invoice identifier")));
        FieldFinder.Run run = finder.start(receipt, extractor);
        List<String> numbers = run.rank(run.query(extractor.fields().getFirst())).stream()
                .map(s -> String.valueOf(s.candidate().value()))
                .toList();
        assertThat(numbers).contains("QXRA4410", "20171231").doesNotContain("31/12/2017");
    }

    /** The feature's value for each candidate of the field, by the candidate's value (first reading wins). */
    private java.util.Map<String, Double> featureByValue(
            Layout layout, ExtractorSpec extractor, String field, Feature f) {
        FieldFinder.Run run = finder.start(layout, extractor);
        FieldSpec spec = extractor.fields().stream()
                .filter(s -> s.name().equals(field))
                .findFirst()
                .orElseThrow();
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (Scored s : run.rank(run.query(spec))) {
            out.putIfAbsent(((BigDecimal) s.candidate().value()).toPlainString(), s.features()[f.ordinal()]);
        }
        return out;
    }

    private static final ExtractorSpec TOTALS = new ExtractorSpec(
            "invoice",
            "",
            List.of(
                    FieldSpec.of("total_amount", FieldType.CURRENCY, "Total amount due including tax"),
                    FieldSpec.of("subtotal_amount", FieldType.CURRENCY, "Total before tax (net amount)"),
                    FieldSpec.of("tax_amount", FieldType.CURRENCY, "Total tax charged")));

    @Test
    void aTaxInclusiveSubtotalIsOnTheGrossSideOfTheLabelledTax() {
        // Prices include tax: the "Subtotaal" is the gross, the amount "excluding" tax is the net.
        Layout invoice = layout(List.of(
                "Artikel@40;Prijs@450",
                "Tablet@40;€ 399,00@450",
                "Exclusief BTW@40;€ 330,58@150;Subtotaal@300;€ 399,00@450",
                "BTW 21%@40;€ 68,42@150",
                "Totaal@300;€ 399,00@450"));
        assertThat(featureByValue(invoice, TOTALS, "subtotal_amount", Feature.TAX_SIDE))
                .containsEntry("330.58", 1.0)
                .containsEntry("399.00", -1.0)
                .containsEntry("68.42", 0.0);
        assertThat(featureByValue(invoice, TOTALS, "total_amount", Feature.TAX_SIDE))
                .containsEntry("330.58", -1.0)
                .containsEntry("399.00", 1.0);
        assertThat(featureByValue(invoice, TOTALS, "tax_amount", Feature.TAX_SIDE))
                .containsOnlyKeys("399.00", "330.58", "68.42")
                .allSatisfy((value, side) -> assertThat(side).isZero());
    }

    @Test
    void taxesOfTwoRatesAreNotOneSideOfTheTotalTax() {
        // 1,62 + 1,51 = 3,13: the taxes of two rates add up to the total tax, which is no gross amount.
        Layout receipt = layout(List.of(
                "TOTAL@40;26,30 €@150",
                "Taux@40;HT@100;TVA@150;TTC@200",
                "A 20%@40;8,08@100;1,62@150;9,70@200",
                "B 10%@40;15,09@100;1,51@150;16,60@200",
                "Total TVA@40;3,13@150",
                "Total HT@40;23,17@150"));
        assertThat(featureByValue(receipt, TOTALS, "total_amount", Feature.TAX_SIDE))
                .containsEntry("3.13", 0.0)
                .containsEntry("26.30", 1.0)
                .containsEntry("23.17", -1.0);
    }

    @Test
    void aCaptionWithItsOwnValueIsNoCaptionOfTheRowUnderIt() {
        // "GST @6%: $0.39" sits under "Total Amount: $6.90": rows of captioned values, not a column under "Total".
        Layout receipt = layout(List.of(
                "Item Qty Total@250",
                "Rice 1@250;$6.90@330",
                "Total Amount: $6.90@250",
                "GST @6%: $0.39@250",
                "Payment Mode Amount@250",
                "CASH@250;$6.90@330"));
        assertThat(featureByValue(receipt, TOTALS, "total_amount", Feature.ABOVE_LABEL_SIM))
                .containsEntry("0.39", 0.0);
    }

    @Test
    void aTotalAfterARoundingAdjustmentIncludesIt() {
        // The adjustment's printed sign says nothing ("-RM 0.02" on one till, "0.02" on another):
        // the reading order does. The cash tendered and the change are on neither side.
        Layout receipt = layout(List.of(
                "TOTAL@40;RM 33.92@300",
                "ROUNDING ADJUSTMENT@40;-RM 0.02@300",
                "TOTAL ROUNDED@40;RM 33.90@300",
                "CASH@40;RM 50.00@300",
                "CHANGE@40;RM 16.10@300"));
        assertThat(featureByValue(receipt, TOTALS, "total_amount", Feature.ROUNDING_SIDE))
                .containsEntry("33.90", 1.0)
                .containsEntry("33.92", -1.0)
                .containsEntry("50.00", 0.0)
                .containsEntry("16.10", 0.0);
        // A net field is no side of the rounding.
        assertThat(featureByValue(receipt, TOTALS, "subtotal_amount", Feature.ROUNDING_SIDE))
                .allSatisfy((value, side) -> assertThat(side).isZero());
    }

    @Test
    void aRoundedTotalIsOnTheGrossSideOfTheTaxLikeTheTotalItRounds() {
        Layout receipt = layout(List.of(
                "Total Sales Incl GST@40;98.37@300",
                "Rounding Adj@40;-0.02@300",
                "Total After Adj Incl GST@40;98.35@300",
                "CASH@40;100.00@300",
                "Amount excl GST@40;92.80@300",
                "GST 6%@40;5.57@300"));
        assertThat(featureByValue(receipt, TOTALS, "total_amount", Feature.TAX_SIDE))
                .containsEntry("98.37", 1.0)
                .containsEntry("98.35", 1.0)
                .containsEntry("100.00", 0.0);
        assertThat(featureByValue(receipt, TOTALS, "total_amount", Feature.ROUNDING_SIDE))
                .containsEntry("98.37", -1.0)
                .containsEntry("98.35", 1.0);
    }

    @Test
    void anAmountThatIsTheRatesShareOfAnotherIsTheTaxItIncludes() {
        // 25.15 × 6 / 106 = 1.42: the remark names the total the tax is included in, the amount is the tax.
        Layout receipt = layout(List.of(
                "Qty 8@100;25.15@300",
                "Rounding Adj@200;0.00@300",
                "Due@200;25.15@300",
                "Pay@200;25.15@300",
                "(Total Included GST @ 6% 1.42)@100"));
        assertThat(featureByValue(receipt, TOTALS, "total_amount", Feature.LEFT_LABEL_TOP))
                .containsEntry("1.42", 0.0);
        assertThat(featureByValue(receipt, TOTALS, "tax_amount", Feature.LEFT_LABEL_TOP))
                .containsEntry("1.42", 1.0);
        assertThat(finder.extract(receipt, TOTALS).data().get("total_amount")).isEqualTo(new BigDecimal("25.15"));
        // A total printed after a rate that is no share of another amount keeps its caption.
        Layout invoice = layout(List.of("Net@200;23.73@300", "Total incl. GST 6%@100;25.15@300"));
        assertThat(featureByValue(invoice, TOTALS, "total_amount", Feature.LEFT_LABEL_TOP))
                .containsEntry("25.15", 1.0);
    }

    @Test
    void aRoundingPrintedBeforeBothTotalsDecidesNothing() {
        Layout receipt = layout(List.of("Rounding@40;0.02@300", "Sub total@40;20.98@300", "Total@40;21.00@300"));
        assertThat(featureByValue(receipt, TOTALS, "total_amount", Feature.ROUNDING_SIDE))
                .allSatisfy((value, side) -> assertThat(side).isZero());
    }

    private static final ExtractorSpec RECEIPT = new ExtractorSpec(
            "receipt",
            "",
            List.of(FieldSpec.of("vendor_name", FieldType.TEXT, "Name of the shop that issued the receipt")));

    private static final ExtractorSpec RECEIPT_WITH_ADDRESS = new ExtractorSpec(
            "receipt",
            "",
            List.of(
                    FieldSpec.of("vendor_name", FieldType.TEXT, "Name of the shop that issued the receipt"),
                    FieldSpec.of("vendor_address", FieldType.TEXT, "Address of the shop")));

    private List<Object> addressCandidates(Layout layout) {
        FieldFinder.Run run = finder.start(layout, RECEIPT_WITH_ADDRESS);
        return run.rank(run.query(RECEIPT_WITH_ADDRESS.fields().get(1))).stream()
                .map(s -> s.candidate().value())
                .toList();
    }

    private List<Object> nameCandidates(Layout layout) {
        FieldFinder.Run run = finder.start(layout, RECEIPT);
        return run.rank(run.query(RECEIPT.fields().getFirst())).stream()
                .map(s -> s.candidate().value())
                .toList();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HOME MASTER HARDWARE & | ELECTRICAL      | HOME MASTER HARDWARE & ELECTRICAL
            POPULAR BOOK           | CO. (M) SDN BHD | POPULAR BOOK CO. (M) SDN BHD
            Bakkerij Jansen en     | Zonen B.V.      | Bakkerij Jansen en Zonen B.V.
            CHECKERS HYPERMARKET SDN BHD | (JALAN KLANG LAMA) | CHECKERS HYPERMARKET SDN BHD (JALAN KLANG LAMA)
            """)
    void aNameWrappedOntoASecondLineIsOneCandidate(String first, String second, String name) {
        Layout receipt = layout(List.of(
                first.strip() + "@200", second.strip() + "@210", "NO 8, JALAN 7/118B@200", "TOTAL@40;21.00@300"));
        assertThat(nameCandidates(receipt)).contains(name.strip());
    }

    @Test
    void aTextEndingInACommaIsNoNameUnlessALegalFormEndsIt() {
        Layout receipt = layout(List.of(
                "L TWO FLORIST@c",
                "WS Retail Services Pvt. Ltd.,@40",
                "TOTAL@40;21.00@300",
                "BARANG YANG DIJUAL TIDAK BOLEH@c",
                "DITUKAR,@c"));
        assertThat(nameCandidates(receipt))
                .contains("L TWO FLORIST", "WS Retail Services Pvt. Ltd.,")
                .doesNotContain("DITUKAR,");
    }

    @Test
    void aCourtesyPhraseInTheFooterIsNoName() {
        // The shop's name printed below the letterhead band, under a docket number and a date.
        Layout receipt = layout(List.of(
                "3180303@40",
                "29/03/2018@40",
                "RECEIPT@c",
                "GL HANDICRAFT & TAILORING@c",
                "19, JALAN KANCIL,@c",
                "TOTAL@40;21.00@300",
                "THANK YOU@c",
                "PLEASE COME AGAIN@c"));
        assertThat(finder.extract(receipt, RECEIPT).data().get("vendor_name")).isEqualTo("GL HANDICRAFT & TAILORING");
    }

    @Test
    void namesAreReturnedAsPrintedWhereOcrReadAZeroForAnO() {
        Layout receipt = layout(List.of("AEON C0. (M) BHD@200", "L0T 12, JALAN KPB 6@200", "TOTAL@40;21.00@300"));
        assertThat(nameCandidates(receipt)).contains("AEON CO. (M) BHD").doesNotContain("AEON C0. (M) BHD");
    }

    @Test
    void anAddressBlockDoesNotEndOnALineEndingInACommaWhenAnAddressLineFollows() {
        Layout receipt = layout(List.of(
                "SWEET FOREST CAFE@c",
                "LOT 12, JALAN KPB 6,@c",
                "KAWASAN PERINDUSTRIAN,@c",
                "43300 SERI KEMBANGAN,@c",
                "TEL: 03-8961 2345@c",
                "TOTAL@40;21.00@300"));
        List<Object> addresses = addressCandidates(receipt);
        assertThat(addresses)
                .contains("LOT 12, JALAN KPB 6, KAWASAN PERINDUSTRIAN, 43300 SERI KEMBANGAN,")
                .doesNotContain("LOT 12, JALAN KPB 6, KAWASAN PERINDUSTRIAN,");
    }

    @Test
    void anAddressAskedForAsPrintedKeepsItsLineBreaksAsSpaces() {
        Layout receipt = layout(List.of(
                "SWEET FOREST CAFE@c", "LOT 276 JALAN BANTING@c", "43800 DENGKIL, SELANGOR@c", "TOTAL@40;21.00@300"));
        assertThat(addressCandidates(receipt))
                .contains("LOT 276 JALAN BANTING, 43800 DENGKIL, SELANGOR")
                .doesNotContain("LOT 276 JALAN BANTING 43800 DENGKIL, SELANGOR");
        ExtractorSpec asPrinted = new ExtractorSpec(
                "receipt",
                "",
                List.of(FieldSpec.of(
                        "vendor_address", FieldType.TEXT, "Address of the shop as printed on the receipt")));
        FieldFinder.Run run = finder.start(receipt, asPrinted);
        assertThat(run.rank(run.query(asPrinted.fields().getFirst())).stream()
                        .map(s -> s.candidate().value()))
                .contains("LOT 276 JALAN BANTING 43800 DENGKIL, SELANGOR")
                .doesNotContain("LOT 276 JALAN BANTING, 43800 DENGKIL, SELANGOR");
    }

    @Test
    void aNameLineEndingInARegistrationNumberIsTheLabelAboveTheAddress() {
        // Without it the block from the first address line had no label at all, a penalty the
        // block from the second line (under a line of words) did not pay.
        Layout receipt = layout(List.of(
                "AEON CO. (M) BHD (126926-H)@c",
                "3RD FLR, MELATI MALL@c",
                "JLN JEJAKA, TAMAN MELATI@c",
                "CHERAS, 55100 KUALA LUMPUR@c",
                "TOTAL@40;21.00@300"));
        FieldFinder.Run run = finder.start(receipt, RECEIPT_WITH_ADDRESS);
        Scored address = run.rank(run.query(RECEIPT_WITH_ADDRESS.fields().get(1))).stream()
                .filter(s -> s.candidate().value().toString().startsWith("3RD FLR"))
                .findFirst()
                .orElseThrow();
        assertThat(address.features()[Feature.NO_LABEL.ordinal()]).isZero();
    }

    @Test
    void aCaptionedHouseNumberTheLineGoesOnFromOpensAnAddress() {
        Layout receipt = layout(List.of(
                "SUSHI HOUSE SDN BHD@c",
                "Lot NO : 20, Level UG1, Publika Solaris@c",
                "No 1, Jalan Dutamas, 50480 KL@c",
                "Invoice No: 4711@c",
                "TOTAL@40;21.00@300"));
        assertThat(addressCandidates(receipt))
                .contains("Lot NO : 20, Level UG1, Publika Solaris, No 1, Jalan Dutamas, 50480 KL")
                .noneMatch(a -> a.toString().contains("KL, Invoice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HQ ADD:", "Address:", "Adresse :"})
    void anAddressBlockOpenedByItsCaptionStartsAfterIt(String caption) {
        Layout receipt = layout(List.of(
                "SWEET FOREST CAFE@c",
                caption + " LOT 11995, BATU 2, JALAN KAPAR@c",
                "41400 KLANG, SELANGOR@c",
                "TOTAL@40;21.00@300"));
        assertThat(addressCandidates(receipt))
                .contains("LOT 11995, BATU 2, JALAN KAPAR, 41400 KLANG, SELANGOR")
                .noneMatch(a -> a.toString().contains(caption) && a.toString().contains("41400"));
    }

    @Test
    void anAddressBlockDoesNotEndOnAPostalCodeSetApartByAComma() {
        Layout receipt = layout(List.of(
                "LIGHTROOM GALLERY SDN BHD@c",
                "No: 28, JALAN ASTANA 1C,@c",
                "BANDAR BUKIT RAJA, 41050@c",
                "KLANG SELANGOR, MALAYSIA@c",
                "TOTAL@40;21.00@300"));
        assertThat(addressCandidates(receipt))
                .contains("No: 28, JALAN ASTANA 1C, BANDAR BUKIT RAJA, 41050 KLANG SELANGOR, MALAYSIA")
                .doesNotContain("No: 28, JALAN ASTANA 1C, BANDAR BUKIT RAJA, 41050");
    }

    @Test
    void anAddressBlockDoesNotEndRightBeforeAParentheticalRemark() {
        Layout receipt = layout(List.of(
                "MR HARDWARE (JOHOR) SDN BHD@c",
                "LOT 1851-A, JALAN KPB 6@c",
                "43300 SERI KEMBANGAN, SELANGOR@c",
                "(MR HARDWARE TESCO TERBAU)@c",
                "TOTAL@40;21.00@300"));
        assertThat(addressCandidates(receipt))
                .contains("LOT 1851-A, JALAN KPB 6, 43300 SERI KEMBANGAN, SELANGOR, (MR HARDWARE TESCO TERBAU)")
                .doesNotContain("LOT 1851-A, JALAN KPB 6, 43300 SERI KEMBANGAN, SELANGOR");
    }

    @Test
    void anAddressBlockDoesNotEndRightBeforeItsCountry() {
        Layout invoice = layout(List.of(
                "Ostzan Groothandel V.O.F.@40",
                "Brotuweg 100@40",
                "6623 TM Nevtreveen@40",
                "Nederland@40",
                "Factuur@300",
                "Totaal@300;€ 21,00@450"));
        assertThat(addressCandidates(invoice))
                .contains("Brotuweg 100, 6623 TM Nevtreveen, Nederland")
                .doesNotContain("Brotuweg 100, 6623 TM Nevtreveen");
        assertThat(DocumentContextDetector.isCountryName("MALAYSIA.")).isTrue();
        assertThat(DocumentContextDetector.isCountryName("España")).isTrue();
        assertThat(DocumentContextDetector.isCountryName("Nevtreveen")).isFalse();
    }

    @Test
    void aStreetLineOpeningWithAWordTheLexiconKnowsIsNoCaptionOfItsNumber() {
        // "Unit" is a caption of quantities ("Unit price"), but "Unit 7," numbers a building.
        Layout order = layout(List.of(
                "Contoso Warehouse 3@40",
                "Unit 7, Dockside Park@40",
                "Liverpool L3 4AA@40",
                "Purchase order@300",
                "Total@300;192.00@450"));
        assertThat(addressCandidates(order)).contains("Unit 7, Dockside Park, Liverpool L3 4AA");
    }

    @Test
    void anAddressLineEndsWhereALabelledPhoneNumberStartsOnIt() {
        Layout receipt = layout(List.of(
                "MOONLIGHT CAKE HOUSE SDN BHD@c",
                "No.1, Jalan Permas 10/5, Bandar Baru Permas Jaya@c",
                "81750 Johor Bahru, Johor. Tel No.: 07-387 3322@c",
                "TOTAL@40;21.00@300"));
        List<Object> addresses = addressCandidates(receipt);
        assertThat(addresses)
                .contains("No.1, Jalan Permas 10/5, Bandar Baru Permas Jaya 81750 Johor Bahru, Johor.")
                .noneMatch(a -> a.toString().contains("No.1") && a.toString().contains("Tel"));
    }

    @Test
    void anAddressHoldsNoDate() {
        Layout receipt = layout(List.of(
                "UNIHAKKA INTERNATIONAL SDN BHD@c",
                "27 Mar 2018 18:46@c",
                "12, Jalan Tampoi 7/4, Kawasan Perindustrian@c",
                "Tampoi, 81200 Johor Bahru, Johor@c",
                "TOTAL@40;21.00@300"));
        List<Object> addresses = addressCandidates(receipt);
        assertThat(addresses)
                .contains("12, Jalan Tampoi 7/4, Kawasan Perindustrian, Tampoi, 81200 Johor Bahru, Johor")
                .noneMatch(a -> a.toString().contains("2018"));
    }

    @Test
    void aColumnOfSingleWordsIsNoAddress() {
        // The tax code printed at the end of each item line lines up as a column of "SR"s.
        Layout receipt = layout(List.of(
                "SWEET FOREST CAFE@c",
                "NO 21, JLN BUNGA@c",
                "1 x 12.50@40;SR@400",
                "1 x 3.00@40;SR@400",
                "TOTAL@40;15.50@300"));
        List<Object> addresses = addressCandidates(receipt);
        assertThat(addresses).doesNotContain("SR, SR");
    }

    @Test
    void aNameDoesNotRunOntoALineThatDoesNotContinueIt() {
        // The first line ends complete and the second is no legal form: two texts, not one name.
        Layout receipt = layout(
                List.of("SWEET FOREST CAFE@200", "TAMAN MELATI@200", "NO 21, JLN BUNGA@200", "TOTAL@40;30.30@300"));
        assertThat(nameCandidates(receipt))
                .contains("SWEET FOREST CAFE", "TAMAN MELATI")
                .noneMatch(name -> name.toString().startsWith("SWEET FOREST CAFE TAMAN"));
    }

    @Test
    void aLegalFormAloneIsNoName() {
        // OCR splits "CO. (M) SDN BHD" at a wide space; "(Co. No. 113825-W)" opens with a legal form word.
        Layout receipt = layout(List.of(
                "POPULAR BOOK@200", "CO.@200;(M) SDN BHD@300", "(Co.@200;No. 113825-W)@300", "TOTAL@40;21.00@300"));
        assertThat(nameCandidates(receipt)).doesNotContain("CO.", "(M) SDN BHD", "(Co.");
    }

    @Test
    void aLegalFormPrintedApartOnTheLineStillEndsTheName() {
        Layout receipt = layout(List.of(
                "GARDENIA BAKERIES (KL)@40;SDN BHD (139386 X)@300",
                "(CO.REG :860671-D)@200",
                "Co-REG:860671-D@200",
                "TOTAL@40;21.00@300"));
        assertThat(nameCandidates(receipt))
                .contains("GARDENIA BAKERIES (KL) SDN BHD")
                .doesNotContain("SDN BHD", "(CO.REG :860671-D)", "Co-REG:860671-D");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            EZ Eaux Zeltu EURL  | Eaux Zeltu EURL
            BP Briab Power SARL | Briab Power SARL
            """)
    void aLogosMonogramIsNotPartOfTheName(String printed, String name) {
        Layout invoice = layout(List.of(printed.strip() + "@40;FACTURE@400", "TOTAL@40;21.00@300"));
        assertThat(nameCandidates(invoice)).contains(name.strip(), printed.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SR Smoked Duck
            AB Cleaning Services
            GST Summary
            """)
    void capitalsThatAreNotTheInitialsOfTheNameStay(String printed) {
        Layout receipt = layout(List.of(printed.strip() + "@40"));
        DocumentIndex index = new DocumentIndex(
                receipt, io.docextract.engine.values.DocumentContext.unknown(), Lexicon.builtIn(), null);
        TextLine line = index.lines().getFirst();
        assertThat(CandidateFinder.opensWithMonogram(line, line.segments().getFirst()))
                .isFalse();
    }

    @Test
    void aTextBesideAnAmountIsMarked() {
        Layout receipt = layout(List.of(
                "SWEET FOREST CAFE@200",
                "SR (@ 6%)@40;28.58@200;1.72@300",
                "Eaux Zeltu EURL · Téléphone +33 (0)1 99 00 13 56@40"));
        FieldFinder.Run run = finder.start(receipt, RECEIPT);
        for (Scored s : run.rank(run.query(RECEIPT.fields().getFirst()))) {
            assertThat(s.features()[Feature.AMOUNT_BESIDE.ordinal()])
                    .as(s.candidate().text())
                    .isEqualTo(s.candidate().line().pageIndex() == 1 ? 1.0 : 0.0);
        }
    }

    @Test
    void yearToDateAmountsAreMarkedCumulative() {
        Layout payslip = layout(List.of(
                "Payments@40;Current@300;Year to date@420",
                "Basic salary@40;4.333,33@300;25.999,98@420",
                "GROSS PAY@40;4.583,33 €@300",
                "Year to date@40",
                "GROSS PAY@40;27.495,67 €@150",
                "NET PAY@40;18.590,63 €@150"));
        ExtractorSpec period = new ExtractorSpec(
                "payslip", "", List.of(FieldSpec.of("gross_pay", FieldType.CURRENCY, "Gross pay for the period")));
        assertThat(featureByValue(payslip, period, "gross_pay", Feature.CUMULATIVE))
                .containsEntry("4583.33", 0.0)
                .containsEntry("4333.33", 0.0)
                .containsEntry("25999.98", 1.0)
                .containsEntry("27495.67", 1.0)
                .containsEntry("18590.63", 1.0);
        // A field that asks for the cumulative figure is not warned off it.
        ExtractorSpec toDate = new ExtractorSpec(
                "payslip", "", List.of(FieldSpec.of("gross_ytd", FieldType.CURRENCY, "Gross pay year to date")));
        assertThat(featureByValue(payslip, toDate, "gross_ytd", Feature.CUMULATIVE))
                .allSatisfy((value, cumulative) -> assertThat(cumulative).isZero());
    }

    private static final ExtractorSpec PURCHASE_ORDER = new ExtractorSpec(
            "purchase_order",
            "",
            List.of(
                    FieldSpec.of("vendor_name", FieldType.TEXT, "Name of the supplier the order is sent to."),
                    FieldSpec.of("vendor_address", FieldType.TEXT, "Postal address of the supplier.")));

    @Test
    void anAddressBlockEndsBeforeALabelledValueAndSkipsARegistrationNumber() {
        Layout receipt = layout(List.of(
                "SYARIKAT PERNIAGAAN GIN KEE@200",
                "(81109-A)@230",
                "NO 290, JALAN AIR PANAS,@200",
                "SETAPAK,@200",
                "53200, KUALA LUMPUR.@200",
                "TEL : 03-40210276@200",
                "32 bis place des Torvi@40",
                "89951 Vendal-sur-Loire@40"));
        FieldFinder.Run run = finder.start(receipt, PURCHASE_ORDER);
        List<String> addresses = run.rank(run.query(PURCHASE_ORDER.fields().get(1))).stream()
                .map(s -> String.valueOf(s.candidate().value()))
                .toList();
        assertThat(addresses)
                .contains("NO 290, JALAN AIR PANAS, SETAPAK, 53200, KUALA LUMPUR.")
                .contains("32 bis place des Torvi, 89951 Vendal-sur-Loire")
                .noneMatch(a -> a.startsWith("(81109-A),"))
                .noneMatch(a -> a.contains(", TEL"))
                .doesNotContain("SETAPAK,", "SETAPAK");
    }

    @Test
    void aPurchaseOrderIsSentToTheVendorNotToItsIssuer() {
        // The buyer issues a purchase order: its letterhead and the name it repeats under "Bill to" are
        // the buyer's; the supplier is the block the order is addressed to.
        Layout order = layout(List.of(
                "Quinsvatek AG@220",
                "Omvarstraat 106 · 1407 SR Quintorsum@180",
                "Supplier@40;PURCHASE ORDER@400",
                "Lenmon & Daxbri N.V.@40",
                "Stotorplein 59b@40;PO No.@350;PO-2025-2473@420",
                "5174 EA Gudaxdam@40",
                "Bill To@40",
                "Quinsvatek AG@40",
                "Consulting services@40;10@300;870,00@450"));
        ExtractionResult result = finder.extract(order, PURCHASE_ORDER);
        assertThat(result.data().get("vendor_name")).isEqualTo("Lenmon & Daxbri N.V.");
        assertThat(result.data().get("vendor_address")).isEqualTo("Stotorplein 59b, 5174 EA Gudaxdam");
    }

    @Test
    void aPartysAddressIsPlacedByItsName() {
        Layout order = layout(List.of(
                "Quinsvatek AG@220",
                "Omvarstraat 106 · 1407 SR Quintorsum@180",
                "Supplier@40;PURCHASE ORDER@400",
                "Lenmon & Daxbri N.V.@40",
                "Stotorplein 59b@40",
                "5174 EA Gudaxdam@40"));
        FieldFinder.Run run = finder.start(order, PURCHASE_ORDER);
        Scored name = run.partyName(Party.SELLER);
        assertThat(name.candidate().value()).isEqualTo("Lenmon & Daxbri N.V.");
        FieldQuery address = run.query(PURCHASE_ORDER.fields().get(1));
        for (Scored s : run.rank(address)) {
            double under = s.features()[Feature.UNDER_PARTY_NAME.ordinal()];
            if (s.candidate().value().equals("Stotorplein 59b, 5174 EA Gudaxdam")) {
                assertThat(under).isEqualTo(name.score());
            } else if (s.candidate().line().pageIndex() <= 3) {
                assertThat(under).as(s.candidate().text()).isZero();
            }
        }
    }

    @Test
    void anAddressCentredUnderACentredNameIsPlacedByIt() {
        // A receipt centres its header: the address lines start wherever their length puts them.
        Layout receipt = layout(List.of(
                "SYARIKAT PERNIAGAAN GIN KEE@c",
                "(81109-A)@c",
                "NO 290, JALAN AIR PANAS,@c",
                "SETAPAK,@c",
                "53200, KUALA LUMPUR.@c",
                "TOTAL@40;21.00@300"));
        FieldFinder.Run run = finder.start(receipt, RECEIPT_WITH_ADDRESS);
        Scored name = run.partyName(Party.SELLER);
        assertThat(name.candidate().value()).isEqualTo("SYARIKAT PERNIAGAAN GIN KEE");
        Scored address = run.rank(run.query(RECEIPT_WITH_ADDRESS.fields().get(1))).stream()
                .filter(s -> s.candidate().value().equals("NO 290, JALAN AIR PANAS, SETAPAK, 53200, KUALA LUMPUR."))
                .findFirst()
                .orElseThrow();
        assertThat(address.features()[Feature.UNDER_PARTY_NAME.ordinal()]).isEqualTo(name.score());
    }

    @Test
    void anAddressUnderTheNamesRegistrationNumbersIsPlacedByTheName() {
        Layout receipt = layout(List.of(
                "POPULAR STATIONERY SDN BHD@c",
                "(Co. No. 113825-W)@c",
                "(GST Reg No. 001492992000)@c",
                "No 8, Jalan 7/118B, Desa Tun Razak@c",
                "56000 Kuala Lumpur, Malaysia@c",
                "Tel : 03-9201 6281@c",
                "TOTAL@40;21.00@300"));
        FieldFinder.Run run = finder.start(receipt, RECEIPT_WITH_ADDRESS);
        Scored name = run.partyName(Party.SELLER);
        assertThat(name.candidate().value()).isEqualTo("POPULAR STATIONERY SDN BHD");
        List<Scored> ranked = run.rank(run.query(RECEIPT_WITH_ADDRESS.fields().get(1)));
        assertThat(ranked.stream()
                        .filter(s -> s.candidate().value().toString().startsWith("No 8"))
                        .findFirst()
                        .orElseThrow()
                        .features()[Feature.UNDER_PARTY_NAME.ordinal()])
                .isEqualTo(name.score());
        // Its second line is no start of the address, registration lines or not.
        assertThat(ranked.stream()
                        .filter(s -> s.candidate().value().toString().startsWith("56000"))
                        .findFirst()
                        .orElseThrow()
                        .features()[Feature.UNDER_PARTY_NAME.ordinal()])
                .isZero();
    }

    @Test
    void theTailOfAnAddressBlockUnderTheNameIsNotUnderTheName() {
        Layout receipt = layout(List.of(
                "AEON CO. (M) BHD (126926-H)@c",
                "3RD FLR, AEON TAMAN MALURI SC@c",
                "JLN JEJAKA, TAMAN MALURI@c",
                "CHERAS, 55100 KUALA LUMPUR@c",
                "GST ID : 002017394688@c",
                "TOTAL@40;21.00@300"));
        FieldFinder.Run run = finder.start(receipt, RECEIPT_WITH_ADDRESS);
        Scored name = run.partyName(Party.SELLER);
        assertThat(name.candidate().value()).isEqualTo("AEON CO. (M) BHD");
        List<Scored> ranked = run.rank(run.query(RECEIPT_WITH_ADDRESS.fields().get(1)));
        java.util.function.Function<String, Double> under = start -> ranked.stream()
                .filter(s -> s.candidate().value().toString().startsWith(start))
                .filter(s -> s.candidate().value().toString().endsWith("LUMPUR"))
                .findFirst()
                .orElseThrow()
                .features()[Feature.UNDER_PARTY_NAME.ordinal()];
        // The block from the second line under the name is cut from the one right under it.
        assertThat(under.apply("3RD FLR")).isEqualTo(name.score());
        assertThat(under.apply("JLN JEJAKA")).isZero();
    }

    @Test
    void aDueDateBeforeTheIssueDateIsMarked() {
        Layout invoice = layout(List.of(
                "Invoice@40",
                "Invoice date@40;2024-03-01@150",
                "Delivered@40;2024-02-20@150",
                "Due date@40;2024-03-31@150",
                "Total@300;29,99 €@450"));
        ExtractorSpec extractor = new ExtractorSpec(
                "invoice",
                "",
                List.of(FieldSpec.of("due_date", FieldType.DATE, "Date by which the invoice must be paid")));
        FieldFinder.Run run = finder.start(invoice, extractor);
        Scored issued = run.issueDate();
        assertThat(issued.candidate().value()).isEqualTo("2024-03-01");
        FieldQuery due = run.query(extractor.fields().getFirst());
        assertThat(due.topConcept()).isEqualTo("due_date");
        for (Scored s : run.rank(due)) {
            double before = s.features()[Feature.BEFORE_ISSUE_DATE.ordinal()];
            assertThat(before)
                    .as(s.candidate().text())
                    .isEqualTo(s.candidate().value().equals("2024-02-20") ? issued.score() : 0);
        }
    }

    @Test
    void anIssuersNameIsPrintedAgainOutsideItsOwnBlocks() {
        Layout order = layout(List.of(
                "Quinsvatek AG@220", "Supplier@40", "Lenmon & Daxbri N.V.@40", "Bill To@40", "Quinsvatek AG@40"));
        DocumentIndex index = new DocumentIndex(
                order, io.docextract.engine.values.DocumentContext.unknown(), Lexicon.builtIn(), Party.BUYER);
        TextLine letterhead = index.lines().getFirst();
        int words = letterhead.words().size();
        assertThat(index.echoes(letterhead, 0, words, Party.SELLER)).isEqualTo(1);
        assertThat(index.echoes(letterhead, 0, words, Party.BUYER)).isZero();
        TextLine supplier = index.lines().get(2);
        assertThat(index.echoes(supplier, 0, supplier.words().size(), Party.SELLER))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Facture n°562044387 du 02 Juillet 2015 | 562044387
            Rechnung Nr.4711 vom 05.03.2018        | 4711
            Invoice #A-17                          | A-17
            """)
    void aNumberSignGluedToTheNumberIsNotPartOfIt(String printed, String number) {
        Layout invoice = layout(List.of(printed.strip() + "@40", "Total@300;29,99 €@450"));
        ExtractorSpec extractor = new ExtractorSpec(
                "invoice", "", List.of(FieldSpec.of("invoice_number", FieldType.TEXT, "The invoice number")));
        assertThat(finder.extract(invoice, extractor).data().get("invoice_number"))
                .isEqualTo(number.strip());
    }

    @Test
    void aCaptionedSegmentOffersTheTextAfterItsCaptionNotTheWhole() {
        Layout invoice = layout(List.of(
                "Retail Invoice@300", "Sold By : WS Retail Services Pvt. Ltd.,@40", "Grand Total@300;319.00@450"));
        ExtractorSpec extractor = new ExtractorSpec(
                "invoice",
                "",
                List.of(FieldSpec.of("vendor_name", FieldType.TEXT, "Name of the company that issued the invoice")));
        FieldFinder.Run run = finder.start(invoice, extractor);
        List<Object> names = run.rank(run.query(extractor.fields().getFirst())).stream()
                .map(s -> s.candidate().value())
                .toList();
        assertThat(names)
                .contains("WS Retail Services Pvt. Ltd.,")
                .doesNotContain("Sold By : WS Retail Services Pvt. Ltd.,");
    }

    /** Fields no corpus document labels: the lexicon's concepts alone find them. */
    @Test
    void receiptFieldsOutsideTheCorpusAreFoundByTheirLabels() {
        Layout receipt = layout(List.of(
                "Corner Bakery@40",
                "Date@40;03/04/2025@150",
                "Sourdough loaf@40;4.50@450",
                "Croissants 4 x 1.20@40;4.80@450",
                "Discount@300;-0.93@450",
                "Delivery charge@300;2.00@450",
                "Tip@300;1.50@450",
                "Total@300;11.87@450",
                "Payment method@40;VISA DEBIT@150"));
        ExtractorSpec extractor = new ExtractorSpec(
                "receipt",
                "",
                List.of(
                        FieldSpec.of("discount_amount", FieldType.CURRENCY, "Discount taken off the bill"),
                        FieldSpec.of("shipping_cost", FieldType.CURRENCY, "Delivery or shipping fee"),
                        FieldSpec.of("tip", FieldType.CURRENCY, "Gratuity left by the customer"),
                        FieldSpec.of("total_amount", FieldType.CURRENCY, "Total paid"),
                        FieldSpec.of("payment_method", FieldType.TEXT, "How the customer paid")));
        ExtractionResult result = finder.extract(receipt, extractor);
        // Amounts keep the sign they are printed with (only a credit note's title carries a sign).
        assertThat((BigDecimal) result.data().get("discount_amount")).isEqualByComparingTo("-0.93");
        assertThat((BigDecimal) result.data().get("shipping_cost")).isEqualByComparingTo("2.00");
        assertThat((BigDecimal) result.data().get("tip")).isEqualByComparingTo("1.50");
        assertThat((BigDecimal) result.data().get("total_amount")).isEqualByComparingTo("11.87");
        assertThat(result.data().get("payment_method")).isEqualTo("VISA DEBIT");
    }
}
