package io.docextract.server.webhooks;

/** A delivery this process holds the lease on, with what it takes to send it. */
record ClaimedDelivery(
        String id, int attempts, String url, String secret, boolean webhookActive, String eventId, String payload) {}
