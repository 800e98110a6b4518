package io.docextract.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import io.docextract.server.jobs.RetentionSweeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class WebhooksTest extends ServerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EventOutbox outbox;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RetentionSweeper sweeper;

    @Test
    void crudShowsTheSecretOnlyAtCreation() {
        Tenant tenant = newTenant();
        Response created = post(
                tenant.liveKey(),
                "/v1/webhooks",
                Map.of(
                        "url",
                        "https://example.com/hooks",
                        "events",
                        List.of("job.completed", "job.failed"),
                        "description",
                        "orders"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.path("id").asString();
        assertThat(id).startsWith("whk_");
        assertThat(body.path("secret").asString()).startsWith("whsec_");
        assertThat(body.path("events").toString()).isEqualTo("[\"job.completed\",\"job.failed\"]");
        assertThat(body.path("is_active").asBoolean()).isTrue();
        assertThat(body.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

        Response fetched = get(tenant.liveKey(), "/v1/webhooks/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().has("secret")).isFalse();
        assertThat(fetched.json().path("description").asString()).isEqualTo("orders");

        Response list = get(tenant.liveKey(), "/v1/webhooks");
        assertThat(list.json().path("total").asLong()).isEqualTo(1);
        assertThat(list.json().path("webhooks").get(0).has("secret")).isFalse();

        Response patched = patch(
                tenant.liveKey(),
                "/v1/webhooks/" + id,
                Map.of("events", List.of("credits.depleted"), "is_active", false, "url", "http://example.org/x"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("events").toString()).isEqualTo("[\"credits.depleted\"]");
        assertThat(patched.json().path("is_active").asBoolean()).isFalse();
        assertThat(patched.json().path("url").asString()).isEqualTo("http://example.org/x");
        assertThat(patched.json().path("description").asString()).isEqualTo("orders");

        assertThat(delete(tenant.liveKey(), "/v1/webhooks/" + id).status()).isEqualTo(204);
        Response gone = get(tenant.liveKey(), "/v1/webhooks/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("webhook_not_found");
    }

    @Test
    void invalidUrlsAndEventsAre400WithDetails() {
        Tenant tenant = newTenant();
        Response response = post(
                tenant.liveKey(), "/v1/webhooks", Map.of("url", "ftp://example.com/x", "events", List.of("job.done")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("validation_error");
        assertThat(response.json().path("error").path("details").toString())
                .contains("\"field\":\"url\"")
                .contains("\"field\":\"events[0]\"");
        assertThat(post(tenant.liveKey(), "/v1/webhooks", Map.of("url", "https://example.com", "events", List.of()))
                        .status())
                .isEqualTo(400);
        assertThat(post(tenant.liveKey(), "/v1/webhooks", Map.of("url", "not a url", "events", List.of("job.failed")))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void testEventArrivesSignedAndIsLogged() {
        Tenant tenant = newTenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode created = createWebhook(tenant.liveKey(), receiver.url(), List.of("job.completed"));
            String secret = created.path("secret").asString();
            String id = created.path("id").asString();

            Response test = post(tenant.liveKey(), "/v1/webhooks/" + id + "/test", "");
            assertThat(test.status()).isEqualTo(202);
            String deliveryId = test.json().path("id").asString();
            assertThat(deliveryId).startsWith("dlv_");

            WebhookReceiver.Received request = receiver.await(r -> true, WAIT);
            assertThat(request.header("X-DocExtract-Signature")).isEqualTo(hmac(secret, request.body()));
            JsonNode payload = JSON.readTree(request.body());
            assertThat(payload.path("event").asString()).isEqualTo("webhook.test");
            assertThat(payload.path("id").asString())
                    .startsWith("evt_")
                    .isEqualTo(request.header("X-DocExtract-Event-Id"));
            assertThat(payload.path("data").path("webhook_id").asString()).isEqualTo(id);
            long timestamp = Long.parseLong(request.header("X-DocExtract-Timestamp"));
            assertThat(Math.abs(timestamp - Instant.now().getEpochSecond())).isLessThan(60);

            JsonNode delivery = awaitDelivery(
                    tenant.liveKey(), id, d -> d.path("status").asString().equals("succeeded"));
            assertThat(delivery.path("id").asString()).isEqualTo(deliveryId);
            assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.path("last_status_code").asInt()).isEqualTo(200);
            assertThat(delivery.path("event").asString()).isEqualTo("webhook.test");
            assertThat(delivery.path("completed_at").isNull()).isFalse();
        }
    }

    @Test
    void oldEventsAndTheirDeliveryLogExpireWithTheOrganizationsRetention() {
        Tenant tenant = newTenant(); // retention: the default 90 days
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = createWebhook(tenant.liveKey(), receiver.url(), List.of("job.completed"))
                    .path("id")
                    .asString();
            JsonNode old = deliveredTestEvent(tenant.liveKey(), id);
            JsonNode recent = deliveredTestEvent(tenant.liveKey(), id);
            receiver.answer(500);
            String stillRetrying = post(tenant.liveKey(), "/v1/webhooks/" + id + "/test", "")
                    .json()
                    .path("id")
                    .asString();
            JsonNode retrying = awaitDelivery(
                    tenant.liveKey(),
                    id,
                    d -> d.path("id").asString().equals(stillRetrying)
                            && d.path("attempts").asInt() == 1);
            long hundredDaysAgo = Instant.now().minus(Duration.ofDays(100)).toEpochMilli();
            for (JsonNode aged : List.of(old, retrying)) {
                jdbc.sql("UPDATE events SET created_at = ? WHERE id = ?")
                        .params(hundredDaysAgo, aged.path("event_id").asString())
                        .update();
            }

            sweeper.sweep();

            List<String> left = new java.util.ArrayList<>();
            get(tenant.liveKey(), "/v1/webhooks/" + id + "/deliveries")
                    .json()
                    .path("deliveries")
                    .forEach(d -> left.add(d.path("id").asString()));
            assertThat(left).containsExactlyInAnyOrder(recent.path("id").asString(), stillRetrying);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM events WHERE id = ?")
                            .params(old.path("event_id").asString())
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    private JsonNode deliveredTestEvent(String key, String webhookId) {
        String deliveryId = post(key, "/v1/webhooks/" + webhookId + "/test", "")
                .json()
                .path("id")
                .asString();
        return awaitDelivery(
                key,
                webhookId,
                d -> d.path("id").asString().equals(deliveryId)
                        && d.path("status").asString().equals("succeeded"));
    }

    @Test
    void eventsGoToSubscribedEndpointsOfTheirModeOnly() {
        Tenant tenant = newTenant();
        try (WebhookReceiver live = new WebhookReceiver();
                WebhookReceiver test = new WebhookReceiver();
                WebhookReceiver failedOnly = new WebhookReceiver()) {
            createWebhook(tenant.liveKey(), live.url(), List.of("job.completed"));
            createWebhook(tenant.testKey(), test.url(), List.of("job.completed"));
            createWebhook(tenant.liveKey(), failedOnly.url(), List.of("job.failed"));

            String liveEvent = outbox.publish(
                    tenant.orgId(),
                    false,
                    EventType.JOB_COMPLETED,
                    Map.of("job", Map.of("id", "job_live", "status", "completed")));
            String testEvent = outbox.publish(
                    tenant.orgId(),
                    true,
                    EventType.JOB_COMPLETED,
                    Map.of("job", Map.of("id", "job_test", "status", "completed")));

            WebhookReceiver.Received atLive =
                    live.await(r -> liveEvent.equals(r.header("X-DocExtract-Event-Id")), WAIT);
            assertThat(JSON.readTree(atLive.body())
                            .path("data")
                            .path("job")
                            .path("id")
                            .asString())
                    .isEqualTo("job_live");
            test.await(r -> testEvent.equals(r.header("X-DocExtract-Event-Id")), WAIT);
            assertThat(live.received()).noneMatch(r -> testEvent.equals(r.header("X-DocExtract-Event-Id")));
            assertThat(test.received()).noneMatch(r -> liveEvent.equals(r.header("X-DocExtract-Event-Id")));
            assertThat(failedOnly.received()).isEmpty();
        }
    }

    @Test
    void failedDeliveriesFollowTheBackoffScheduleThenFailAndCanBeRetried() {
        Tenant tenant = newTenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(500);
            String webhookId = createWebhook(tenant.liveKey(), receiver.url(), List.of("job.failed"))
                    .path("id")
                    .asString();
            String eventId =
                    outbox.publish(tenant.orgId(), false, EventType.JOB_FAILED, Map.of("job", Map.of("id", "job_1")));

            // The first attempt happens at once, in the background.
            JsonNode first = awaitDelivery(
                    tenant.liveKey(), webhookId, d -> d.path("attempts").asInt() == 1);
            assertThat(first.path("status").asString()).isEqualTo("pending");
            assertThat(first.path("last_status_code").asInt()).isEqualTo(500);
            assertThat(first.path("event_id").asString()).isEqualTo(eventId);
            String deliveryId = first.path("id").asString();

            List<Duration> expected = List.of(
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(30),
                    Duration.ofHours(2),
                    Duration.ofHours(8),
                    Duration.ofHours(24));
            Instant attemptedAt =
                    Instant.parse(first.path("next_attempt_at").asString()).minus(expected.get(0));
            for (int attempt = 1; attempt <= expected.size(); attempt++) {
                JsonNode delivery = delivery(tenant.liveKey(), webhookId, deliveryId);
                Instant next = Instant.parse(delivery.path("next_attempt_at").asString());
                assertThat(Duration.between(attemptedAt, next)).isEqualTo(expected.get(attempt - 1));
                // Not yet due a moment before; due at the planned time.
                dispatcher.deliverDue(next.minusSeconds(1));
                assertThat(delivery(tenant.liveKey(), webhookId, deliveryId)
                                .path("attempts")
                                .asInt())
                        .isEqualTo(attempt);
                dispatcher.deliverDue(next);
                assertThat(delivery(tenant.liveKey(), webhookId, deliveryId)
                                .path("attempts")
                                .asInt())
                        .isEqualTo(attempt + 1);
                attemptedAt = next;
            }
            JsonNode failed = delivery(tenant.liveKey(), webhookId, deliveryId);
            assertThat(failed.path("status").asString()).isEqualTo("failed");
            assertThat(failed.path("attempts").asInt()).isEqualTo(7);
            assertThat(failed.path("next_attempt_at").isNull()).isTrue();
            assertThat(receiver.received()).hasSize(7);
            assertThat(receiver.received()).allMatch(r -> eventId.equals(r.header("X-DocExtract-Event-Id")));

            // Filter of the log by status.
            assertThat(get(tenant.liveKey(), "/v1/webhooks/" + webhookId + "/deliveries?status=failed")
                            .json()
                            .path("total")
                            .asLong())
                    .isEqualTo(1);
            assertThat(get(tenant.liveKey(), "/v1/webhooks/" + webhookId + "/deliveries?status=pending")
                            .json()
                            .path("total")
                            .asLong())
                    .isZero();

            receiver.answer(204);
            Response retry = post(tenant.liveKey(), "/v1/webhook_deliveries/" + deliveryId + "/retry", "");
            assertThat(retry.status()).isEqualTo(202);
            assertThat(retry.json().path("status").asString()).isEqualTo("pending");
            JsonNode succeeded = awaitDelivery(
                    tenant.liveKey(),
                    webhookId,
                    d -> d.path("status").asString().equals("succeeded"));
            assertThat(succeeded.path("attempts").asInt()).isEqualTo(8);
            assertThat(succeeded.path("last_status_code").asInt()).isEqualTo(204);
        }
    }

    @Test
    void aClaimOfADeadProcessIsTakenOverWhenItsLeaseExpires() {
        Tenant tenant = newTenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String webhookId = createWebhook(tenant.liveKey(), receiver.url(), List.of("job.completed"))
                    .path("id")
                    .asString();
            // Insert the event with a due time in the future, so the background poller leaves it.
            Instant due = Instant.now().plus(Duration.ofDays(400));
            String eventId = "evt_lease" + System.nanoTime();
            deliveries.insertEvent(
                    eventId, tenant.orgId(), EventType.JOB_COMPLETED, false, "{\"id\":\"" + eventId + "\"}", due);
            String deliveryId = "dlv_lease" + System.nanoTime();
            deliveries.insertDelivery(deliveryId, webhookId, eventId, due);

            // A process claimed it (as claimDue does) and died without recording anything.
            jdbc.sql("UPDATE webhook_deliveries SET locked_by = 'dead-process', lease_expires_at = ? WHERE id = ?")
                    .params(due.plusSeconds(60).toEpochMilli(), deliveryId)
                    .update();
            dispatcher.deliverDue(due.plusSeconds(30));
            assertThat(receiver.received()).isEmpty();

            dispatcher.deliverDue(due.plusSeconds(61));
            assertThat(receiver.received()).hasSize(1);
            assertThat(delivery(tenant.liveKey(), webhookId, deliveryId)
                            .path("status")
                            .asString())
                    .isEqualTo("succeeded");
        }
    }

    @Test
    void anotherOrganizationsOrModesWebhooksAndDeliveriesAre404() {
        Tenant owner = newTenant();
        Tenant other = newTenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = createWebhook(owner.liveKey(), receiver.url(), List.of("job.completed"))
                    .path("id")
                    .asString();
            String deliveryId = post(owner.liveKey(), "/v1/webhooks/" + id + "/test", "")
                    .json()
                    .path("id")
                    .asString();
            for (String key : List.of(other.liveKey(), owner.testKey())) {
                assertThat(get(key, "/v1/webhooks/" + id).status()).isEqualTo(404);
                assertThat(patch(key, "/v1/webhooks/" + id, Map.of("is_active", false))
                                .status())
                        .isEqualTo(404);
                assertThat(get(key, "/v1/webhooks/" + id + "/deliveries").status())
                        .isEqualTo(404);
                assertThat(post(key, "/v1/webhooks/" + id + "/test", "").status())
                        .isEqualTo(404);
                Response retry = post(key, "/v1/webhook_deliveries/" + deliveryId + "/retry", "");
                assertThat(retry.status()).isEqualTo(404);
                assertThat(retry.errorCode()).isEqualTo("not_found");
                assertThat(delete(key, "/v1/webhooks/" + id).status()).isEqualTo(404);
                assertThat(get(key, "/v1/webhooks").json().path("total").asLong())
                        .isZero();
            }
            assertThat(get(owner.liveKey(), "/v1/webhooks/" + id).status()).isEqualTo(200);
        }
    }

    @Test
    void scopesAreChecked() {
        Tenant tenant = newTenant();
        String readOnly = access.issueKey(
                        tenant.orgId(), "read", false, java.util.Set.of(io.docextract.server.auth.Scope.WEBHOOKS_READ))
                .secret();
        Response response =
                post(readOnly, "/v1/webhooks", Map.of("url", "https://example.com", "events", List.of("job.failed")));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("insufficient_scope");
        assertThat(get(readOnly, "/v1/webhooks").status()).isEqualTo(200);
    }

    private JsonNode createWebhook(String key, String url, List<String> events) {
        Response created = post(key, "/v1/webhooks", Map.of("url", url, "events", events));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    private JsonNode delivery(String key, String webhookId, String deliveryId) {
        for (JsonNode delivery :
                get(key, "/v1/webhooks/" + webhookId + "/deliveries").json().path("deliveries")) {
            if (delivery.path("id").asString().equals(deliveryId)) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery " + deliveryId);
    }

    private JsonNode awaitDelivery(String key, String webhookId, java.util.function.Predicate<JsonNode> condition) {
        return await(() -> {
            for (JsonNode delivery :
                    get(key, "/v1/webhooks/" + webhookId + "/deliveries").json().path("deliveries")) {
                if (condition.test(delivery)) {
                    return delivery;
                }
            }
            return null;
        });
    }

    private static <T> T await(Supplier<T> probe) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("condition not reached within " + WAIT);
    }

    /** The receiver's own check, written independently of the server's signing code. */
    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
