package io.docextract.engine.fields;

/** Who a value belongs to on a business document. */
enum Party {
    SELLER,
    BUYER,
    EMPLOYEE;

    /** The role this party plays on a document issued by {@code issuer}. */
    Role roleOn(Party issuer) {
        if (this == issuer) {
            return Role.ISSUER;
        }
        return Role.RECIPIENT;
    }

    /** Whether the party issued the document or received it; NONE when unknown. */
    enum Role {
        ISSUER,
        RECIPIENT,
        NONE
    }
}
