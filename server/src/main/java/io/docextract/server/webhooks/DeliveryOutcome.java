package io.docextract.server.webhooks;

/** How one delivery attempt ended. */
sealed interface DeliveryOutcome {

    /** The receiver answered 2xx. */
    record Accepted(int statusCode) implements DeliveryOutcome {}

    /** The receiver answered something else, or could not be reached in time. */
    record Rejected(Integer statusCode, String error) implements DeliveryOutcome {}
}
