package io.docextract.server.webhooks;

import java.util.Optional;

/** What happened. Endpoints subscribe to the subscribable types; the test event goes to one endpoint on request. */
public enum EventType {
    JOB_COMPLETED("job.completed", true),
    JOB_FAILED("job.failed", true),
    CREDITS_LOW_BALANCE("credits.low_balance", true),
    CREDITS_DEPLETED("credits.depleted", true),
    WEBHOOK_TEST("webhook.test", false);

    private final String value;
    private final boolean subscribable;

    EventType(String value, boolean subscribable) {
        this.value = value;
        this.subscribable = subscribable;
    }

    public String value() {
        return value;
    }

    public boolean subscribable() {
        return subscribable;
    }

    public static Optional<EventType> fromValue(String value) {
        for (EventType type : values()) {
            if (type.value.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
