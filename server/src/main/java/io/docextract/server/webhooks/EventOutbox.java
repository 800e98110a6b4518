package io.docextract.server.webhooks;

import io.docextract.server.Ids;
import java.time.Instant;
import java.time.InstantSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records events and the deliveries they owe, in the caller's transaction: an event exists
 * exactly when the change it reports was committed. The {@link WebhookDispatcher} sends them.
 */
@Service
public class EventOutbox {

    /** The body every endpoint receives; {@code data} is the publisher's object. */
    record Payload(String id, String event, Instant createdAt, Object data) {}

    private final DeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final WebhookDispatcher dispatcher;
    private final JsonMapper json;
    private final InstantSource clock;

    public EventOutbox(
            DeliveryRepository deliveries,
            WebhookRepository webhooks,
            WebhookDispatcher dispatcher,
            JsonMapper json,
            InstantSource clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records an event and one pending delivery per active endpoint of the organization, in the
     * event's mode, subscribed to its type. Joins the caller's transaction (for a job, the one
     * that completes it).
     *
     * @param data the payload's {@code data} member, serialized with the API's JSON conventions
     *     (e.g. {@code Map.of("job", jobObject)} for job events)
     * @return the event id ({@code evt_…})
     */
    @Transactional
    public String publish(String orgId, boolean testMode, EventType type, Object data) {
        Instant now = clock.instant();
        String eventId = record(orgId, testMode, type, data, now);
        for (Webhook webhook : webhooks.active(orgId, testMode)) {
            if (webhook.receives(type)) {
                deliveries.insertDelivery(Ids.newId("dlv"), webhook.id(), eventId, now);
            }
        }
        wakeDispatcherAfterCommit();
        return eventId;
    }

    /** A {@code webhook.test} event for one endpoint only; returns the delivery id. */
    @Transactional
    public String publishTest(Webhook webhook, Object data) {
        Instant now = clock.instant();
        String eventId = record(webhook.orgId(), webhook.testMode(), EventType.WEBHOOK_TEST, data, now);
        String deliveryId = Ids.newId("dlv");
        deliveries.insertDelivery(deliveryId, webhook.id(), eventId, now);
        wakeDispatcherAfterCommit();
        return deliveryId;
    }

    private String record(String orgId, boolean testMode, EventType type, Object data, Instant now) {
        String eventId = Ids.newId("evt");
        String payload = json.writeValueAsString(new Payload(eventId, type.value(), now, data));
        deliveries.insertEvent(eventId, orgId, type, testMode, payload, now);
        return eventId;
    }

    private void wakeDispatcherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wake();
                }
            });
        }
    }
}
