package io.docextract.server.webhooks;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.Ids;
import io.docextract.server.auth.Caller;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints of an organization, in the caller's mode, and their delivery log. Another
 * organization's (or the other mode's) endpoint answers 404.
 */
@Service
public class WebhookService {

    /** One page of endpoints. */
    public record WebhookPage(List<Webhook> webhooks, long total) {}

    /** One page of deliveries. */
    public record DeliveryPage(List<Delivery> deliveries, long total) {}

    private static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_DESCRIPTION_LENGTH = 500;
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final EventOutbox outbox;
    private final InstantSource clock;

    public WebhookService(
            WebhookRepository webhooks, DeliveryRepository deliveries, EventOutbox outbox, InstantSource clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new endpoint; the returned record is the only one that will ever carry its secret to the caller. */
    @Transactional
    public Webhook create(Caller caller, String url, List<String> events, String description) {
        List<ApiException.Detail> problems = new ArrayList<>();
        String checkedUrl = checkUrl(url, problems);
        List<EventType> types = checkEvents(events, problems);
        String checkedDescription = checkDescription(description, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Instant now = clock.instant();
        Webhook webhook = new Webhook(
                Ids.newId("whk"),
                caller.orgId(),
                checkedUrl,
                types,
                checkedDescription,
                newSecret(),
                true,
                caller.testMode(),
                now,
                now);
        webhooks.insert(webhook);
        return webhook;
    }

    public WebhookPage list(Caller caller, int limit, int offset) {
        return new WebhookPage(
                webhooks.list(caller.orgId(), caller.testMode(), limit, offset),
                webhooks.count(caller.orgId(), caller.testMode()));
    }

    public Webhook get(Caller caller, String id) {
        return webhooks.find(caller.orgId(), caller.testMode(), id).orElseThrow(() -> notFound(id));
    }

    /**
     * Changes the given fields; null leaves a field as it is, an empty description clears it.
     */
    @Transactional
    public Webhook update(
            Caller caller, String id, String url, List<String> events, String description, Boolean active) {
        Webhook current = get(caller, id);
        List<ApiException.Detail> problems = new ArrayList<>();
        String newUrl = url == null ? current.url() : checkUrl(url, problems);
        List<EventType> newEvents = events == null ? current.events() : checkEvents(events, problems);
        String newDescription = description == null ? current.description() : checkDescription(description, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Webhook updated = new Webhook(
                current.id(),
                current.orgId(),
                newUrl,
                newEvents,
                newDescription,
                current.secret(),
                active == null ? current.active() : active,
                current.testMode(),
                current.createdAt(),
                clock.instant());
        webhooks.update(updated);
        return updated;
    }

    @Transactional
    public void delete(Caller caller, String id) {
        if (!webhooks.delete(caller.orgId(), caller.testMode(), id)) {
            throw notFound(id);
        }
    }

    public DeliveryPage deliveries(Caller caller, String webhookId, String status, int limit, int offset) {
        Webhook webhook = get(caller, webhookId);
        DeliveryStatus filter = status == null
                ? null
                : DeliveryStatus.fromValue(status)
                        .orElseThrow(() -> ApiException.validation("status", "must be pending, succeeded or failed"));
        return new DeliveryPage(
                deliveries.listForWebhook(webhook.id(), filter, limit, offset),
                deliveries.countForWebhook(webhook.id(), filter));
    }

    /** Queues a {@code webhook.test} event for this endpoint alone (even when it is disabled: it says so). */
    @Transactional
    public Delivery sendTest(Caller caller, String webhookId) {
        Webhook webhook = get(caller, webhookId);
        String deliveryId = outbox.publishTest(
                webhook,
                Map.of(
                        "webhook_id",
                        webhook.id(),
                        "message",
                        "A test event sent with POST /v1/webhooks/" + webhook.id() + "/test."));
        return delivery(caller, deliveryId);
    }

    /** Sends a delivery again now, whatever its state; a failed one gets one more attempt. */
    @Transactional
    public Delivery retry(Caller caller, String deliveryId) {
        delivery(caller, deliveryId);
        deliveries.requeue(deliveryId, clock.instant());
        return delivery(caller, deliveryId);
    }

    public Delivery delivery(Caller caller, String deliveryId) {
        return deliveries
                .find(caller.orgId(), caller.testMode(), deliveryId)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND, "No webhook delivery " + deliveryId + " in this organization."));
    }

    private static ApiException notFound(String id) {
        return new ApiException(ErrorCode.WEBHOOK_NOT_FOUND, "No webhook " + id + " in this organization.");
    }

    private static String checkUrl(String url, List<ApiException.Detail> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new ApiException.Detail("url", "is required"));
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            problems.add(new ApiException.Detail("url", "must be at most " + MAX_URL_LENGTH + " characters"));
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problems.add(new ApiException.Detail("url", "must be an http or https URL"));
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                problems.add(new ApiException.Detail("url", "must name a host"));
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            problems.add(new ApiException.Detail("url", "is not a valid URL"));
            return null;
        }
    }

    private static List<EventType> checkEvents(List<String> events, List<ApiException.Detail> problems) {
        if (events == null || events.isEmpty()) {
            problems.add(new ApiException.Detail("events", "must list at least one event"));
            return List.of();
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            EventType type = EventType.fromValue(events.get(i))
                    .filter(EventType::subscribable)
                    .orElse(null);
            if (type == null) {
                problems.add(new ApiException.Detail(
                        "events[" + i + "]",
                        "must be one of job.completed, job.failed, credits.low_balance, credits.depleted"));
            } else {
                types.add(type);
            }
        }
        return List.copyOf(types);
    }

    private static String checkDescription(String description, List<ApiException.Detail> problems) {
        if (description == null || description.isEmpty()) {
            return null;
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            problems.add(new ApiException.Detail(
                    "description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        return description;
    }

    private static String newSecret() {
        StringBuilder secret = new StringBuilder("whsec_");
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return secret.toString();
    }
}
