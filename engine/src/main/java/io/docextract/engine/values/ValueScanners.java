package io.docextract.engine.values;

import io.docextract.engine.FieldType;
import java.util.List;

/**
 * The scanner for each field type, and for the identifiers that have no field type of their own.
 * Scanners are stateless and thread-safe, so one instance of each serves every document.
 */
public final class ValueScanners {

    private static final ValueScanner NOTHING = (text, context) -> List.of();
    private static final NumberScanner NUMBER = new NumberScanner();
    private static final AmountScanner AMOUNT = new AmountScanner();
    private static final DateScanner DATE = new DateScanner();
    private static final EmailScanner EMAIL = new EmailScanner();
    private static final PhoneScanner PHONE = new PhoneScanner();
    private static final BooleanScanner BOOLEAN = new BooleanScanner();
    private static final IbanScanner IBAN = new IbanScanner();
    private static final VatIdScanner VAT_ID = new VatIdScanner();
    private static final CurrencyDetector CURRENCY = new CurrencyDetector();
    private static final PercentageScanner PERCENTAGE = new PercentageScanner();

    private ValueScanners() {}

    /**
     * The scanner for a field type. Text, array and object fields are found by layout, not by
     * the shape of their values: their scanner finds nothing.
     */
    public static ValueScanner forType(FieldType type) {
        return switch (type) {
            case NUMBER -> NUMBER;
            case CURRENCY -> AMOUNT;
            case DATE -> DATE;
            case EMAIL -> EMAIL;
            case PHONE -> PHONE;
            case BOOLEAN -> BOOLEAN;
            case TEXT, ARRAY, OBJECT -> NOTHING;
        };
    }

    public static IbanScanner iban() {
        return IBAN;
    }

    public static VatIdScanner vatId() {
        return VAT_ID;
    }

    public static CurrencyDetector currency() {
        return CURRENCY;
    }

    public static PercentageScanner percentage() {
        return PERCENTAGE;
    }
}
