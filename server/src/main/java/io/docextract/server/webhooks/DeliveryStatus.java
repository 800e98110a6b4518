package io.docextract.server.webhooks;

import java.util.Locale;
import java.util.Optional;

/** A delivery is pending until an attempt succeeds or the retries are used up. */
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> fromValue(String value) {
        for (DeliveryStatus status : values()) {
            if (status.value().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
