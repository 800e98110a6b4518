package io.docextract.server.webhooks;

import io.docextract.server.jobs.RetainedRecords;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Webhook events copy job results into their payloads, so they expire with the jobs: the
 * retention sweep removes an organization's old events and their delivery log.
 */
@Component
class WebhookEventRetention implements RetainedRecords {

    private final DeliveryRepository deliveries;

    WebhookEventRetention(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public int deleteOlderThan(String orgId, Instant cutoff) {
        return deliveries.deleteFinishedEventsBefore(orgId, cutoff);
    }
}
