package io.docextract.server.credits;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a balance changed. Purchases and grants add credits and count as acquired
 * ({@code total_purchased}); usage takes them (counted in {@code total_used}); a refund gives
 * usage back (and lowers {@code total_used}); an adjustment corrects either way and counts in
 * neither total.
 */
public enum TransactionType {
    PURCHASE,
    GRANT,
    USAGE,
    REFUND,
    ADJUSTMENT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The signed change to the balance for an amount given as a positive number (adjustments keep their sign). */
    long balanceChange(long amount) {
        return this == USAGE ? -amount : amount;
    }

    long purchasedChange(long amount) {
        return this == PURCHASE || this == GRANT ? amount : 0;
    }

    long usedChange(long amount) {
        return switch (this) {
            case USAGE -> amount;
            case REFUND -> -amount;
            case PURCHASE, GRANT, ADJUSTMENT -> 0;
        };
    }

    public static Optional<TransactionType> fromValue(String value) {
        for (TransactionType type : values()) {
            if (type.value().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
