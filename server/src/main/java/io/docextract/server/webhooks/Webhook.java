package io.docextract.server.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint that receives events. It lives in the mode of the key that created it: test-mode
 * events go only to test endpoints, live events only to live ones.
 */
public record Webhook(
        String id,
        String orgId,
        String url,
        List<EventType> events,
        String description,
        String secret,
        boolean active,
        boolean testMode,
        Instant createdAt,
        Instant updatedAt) {

    public boolean receives(EventType type) {
        return active && events.contains(type);
    }
}
