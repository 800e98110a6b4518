package io.docextract.server.webhooks;

import java.time.Instant;

/** One event on its way to one endpoint, with the outcome of the latest attempt. */
public record Delivery(
        String id,
        String webhookId,
        String eventId,
        EventType event,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant completedAt) {}
