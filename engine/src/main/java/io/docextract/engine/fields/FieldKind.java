package io.docextract.engine.fields;

import io.docextract.engine.FieldType;

/**
 * What sort of value a field holds, finer than its API type: a {@code text} field can be an
 * identifier, a name, an address, a currency code or a choice, and each is found differently.
 * Each kind has its own fitted scoring weights and calibration.
 */
enum FieldKind {
    DATE,
    AMOUNT,
    NUMBER,
    EMAIL,
    PHONE,
    BOOLEAN,
    IDENTIFIER,
    NAME,
    ADDRESS,
    CURRENCY_CODE,
    CHOICE,
    TEXT;

    /** The API type of values of this kind. */
    FieldType valueType() {
        return switch (this) {
            case DATE -> FieldType.DATE;
            case AMOUNT -> FieldType.CURRENCY;
            case NUMBER -> FieldType.NUMBER;
            case EMAIL -> FieldType.EMAIL;
            case PHONE -> FieldType.PHONE;
            case BOOLEAN -> FieldType.BOOLEAN;
            default -> FieldType.TEXT;
        };
    }

    boolean isNumeric() {
        return this == AMOUNT || this == NUMBER;
    }
}
