package io.docextract.server.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Sends one signed delivery: POST of the event's raw JSON with a 5 s budget, redirects not
 * followed (a redirect is an answer, not a 2xx).
 */
@Component
class WebhookSender implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_ERROR_LENGTH = 500;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** @throws InterruptedException when the process is stopping; the delivery is then left to its lease */
    DeliveryOutcome send(ClaimedDelivery delivery, Instant now) throws InterruptedException {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "DocExtract-Webhooks/1")
                    .header("X-DocExtract-Signature", WebhookSignature.sign(delivery.secret(), body))
                    .header("X-DocExtract-Event-Id", delivery.eventId())
                    .header("X-DocExtract-Timestamp", Long.toString(now.getEpochSecond()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300
                    ? new DeliveryOutcome.Accepted(status)
                    : new DeliveryOutcome.Rejected(status, "the endpoint answered HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            return new DeliveryOutcome.Rejected(null, truncate(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    @Override
    public void close() {
        http.close();
    }
}
