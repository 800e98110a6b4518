package io.docextract.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.docextract.server.ApiException;
import io.docextract.server.auth.Caller;
import io.docextract.server.auth.Scope;
import io.docextract.server.webhooks.Delivery;
import io.docextract.server.webhooks.EventType;
import io.docextract.server.webhooks.Webhook;
import io.docextract.server.webhooks.WebhookService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints, their delivery log, test events and manual retries. */
@RestController
public class WebhooksController {

    public record NewWebhook(String url, List<String> events, String description) {}

    public record WebhookChanges(String url, List<String> events, String description, Boolean isActive) {}

    /** An endpoint; {@code secret} appears only in the answer to its creation. */
    public record WebhookResponse(
            String id,
            String url,
            List<String> events,
            String description,
            boolean isActive,
            boolean testMode,
            @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
            Instant createdAt,
            Instant updatedAt) {

        static WebhookResponse of(Webhook w, boolean withSecret) {
            return new WebhookResponse(
                    w.id(),
                    w.url(),
                    w.events().stream().map(EventType::value).toList(),
                    w.description(),
                    w.active(),
                    w.testMode(),
                    withSecret ? w.secret() : null,
                    w.createdAt(),
                    w.updatedAt());
        }
    }

    public record WebhookList(List<WebhookResponse> webhooks, long total, int limit, int offset, boolean hasMore) {}

    public record DeliveryResponse(
            String id,
            String webhookId,
            String eventId,
            String event,
            String status,
            int attempts,
            Instant nextAttemptAt,
            Integer lastStatusCode,
            String lastError,
            Instant createdAt,
            Instant completedAt) {

        static DeliveryResponse of(Delivery d) {
            return new DeliveryResponse(
                    d.id(),
                    d.webhookId(),
                    d.eventId(),
                    d.event().value(),
                    d.status().value(),
                    d.attempts(),
                    d.nextAttemptAt(),
                    d.lastStatusCode(),
                    d.lastError(),
                    d.createdAt(),
                    d.completedAt());
        }
    }

    public record DeliveryList(List<DeliveryResponse> deliveries, long total, int limit, int offset, boolean hasMore) {}

    private final WebhookService webhooks;

    public WebhooksController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/v1/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    WebhookResponse create(Caller caller, @RequestBody NewWebhook body) {
        caller.require(Scope.WEBHOOKS_WRITE);
        return WebhookResponse.of(webhooks.create(caller, body.url(), body.events(), body.description()), true);
    }

    @GetMapping("/v1/webhooks")
    WebhookList list(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset) {
        caller.require(Scope.WEBHOOKS_READ);
        Paging paging = paging(limit, offset);
        WebhookService.WebhookPage page = webhooks.list(caller, paging.limit(), paging.offset());
        List<WebhookResponse> items =
                page.webhooks().stream().map(w -> WebhookResponse.of(w, false)).toList();
        return new WebhookList(
                items, page.total(), paging.limit(), paging.offset(), paging.hasMore(page.total(), items.size()));
    }

    @GetMapping("/v1/webhooks/{id}")
    WebhookResponse get(Caller caller, @PathVariable String id) {
        caller.require(Scope.WEBHOOKS_READ);
        return WebhookResponse.of(webhooks.get(caller, id), false);
    }

    @PatchMapping("/v1/webhooks/{id}")
    WebhookResponse update(Caller caller, @PathVariable String id, @RequestBody WebhookChanges body) {
        caller.require(Scope.WEBHOOKS_WRITE);
        return WebhookResponse.of(
                webhooks.update(caller, id, body.url(), body.events(), body.description(), body.isActive()), false);
    }

    @DeleteMapping("/v1/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        caller.require(Scope.WEBHOOKS_WRITE);
        webhooks.delete(caller, id);
    }

    @GetMapping("/v1/webhooks/{id}/deliveries")
    DeliveryList deliveries(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset) {
        caller.require(Scope.WEBHOOKS_READ);
        Paging paging = paging(limit, offset);
        WebhookService.DeliveryPage page = webhooks.deliveries(caller, id, status, paging.limit(), paging.offset());
        List<DeliveryResponse> items =
                page.deliveries().stream().map(DeliveryResponse::of).toList();
        return new DeliveryList(
                items, page.total(), paging.limit(), paging.offset(), paging.hasMore(page.total(), items.size()));
    }

    @PostMapping("/v1/webhooks/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryResponse test(Caller caller, @PathVariable String id) {
        caller.require(Scope.WEBHOOKS_WRITE);
        return DeliveryResponse.of(webhooks.sendTest(caller, id));
    }

    @PostMapping("/v1/webhook_deliveries/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryResponse retry(Caller caller, @PathVariable String id) {
        caller.require(Scope.WEBHOOKS_WRITE);
        return DeliveryResponse.of(webhooks.retry(caller, id));
    }

    private static Paging paging(String limit, String offset) {
        List<ApiException.Detail> details = new ArrayList<>();
        Paging paging = Paging.parse(limit, offset, details);
        if (!details.isEmpty()) {
            throw ApiException.validation(details);
        }
        return paging;
    }
}
