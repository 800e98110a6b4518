package io.docextract.server.webhooks;

import io.docextract.server.DocExtractProperties;
import io.docextract.server.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries in worker processes: polls the database (and wakes at once when an event
 * is committed in this process), claims a batch under a lease, sends them in parallel, and
 * records each outcome with the next attempt from the {@link RetrySchedule}. Everything lives in
 * the database, so pending deliveries survive restarts and any worker process can send them.
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 8;
    private static final int MAX_BATCHES_PER_POLL = 20;
    // Longer than one send (5 s) with room to record it; a crashed sender's claim is free after this.
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final InstantSource clock;
    private final DocExtractProperties properties;
    private final long pollMillis;
    private final String worker = Ids.newId("whw");
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService poller;

    WebhookDispatcher(
            DeliveryRepository deliveries,
            WebhookSender sender,
            InstantSource clock,
            DocExtractProperties properties,
            @Value("${docextract.webhooks.poll-millis:1000}") long pollMillis) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
        this.properties = properties;
        this.pollMillis = pollMillis;
    }

    /**
     * Sends every delivery due at {@code now} (in batches) and waits for the attempts.
     *
     * @return how many attempts were made
     */
    public int deliverDue(Instant now) {
        int attempted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_POLL && deliveries.anyDue(now); batch++) {
            List<ClaimedDelivery> claimed = deliveries.claimDue(now, worker, now.plus(LEASE), BATCH);
            try (ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor()) {
                claimed.forEach(delivery -> attempts.submit(() -> attempt(delivery, now)));
            }
            attempted += claimed.size();
            if (claimed.size() < BATCH) {
                break;
            }
        }
        return attempted;
    }

    private void attempt(ClaimedDelivery delivery, Instant now) {
        int attempts = delivery.attempts() + 1;
        DeliveryOutcome outcome;
        try {
            outcome = delivery.webhookActive()
                    ? sender.send(delivery, now)
                    : new DeliveryOutcome.Rejected(null, "the endpoint is disabled");
        } catch (InterruptedException e) {
            // Stopping: leave the delivery to its lease, another attempt will pick it up.
            Thread.currentThread().interrupt();
            return;
        }
        boolean recorded = switch (outcome) {
            case DeliveryOutcome.Accepted accepted ->
                deliveries.recordAttempt(
                        delivery.id(),
                        worker,
                        DeliveryStatus.SUCCEEDED,
                        attempts,
                        null,
                        accepted.statusCode(),
                        null,
                        now);
            case DeliveryOutcome.Rejected rejected -> {
                Instant next = delivery.webhookActive()
                        ? RetrySchedule.STANDARD.nextAttempt(attempts, now).orElse(null)
                        : null;
                yield deliveries.recordAttempt(
                        delivery.id(),
                        worker,
                        next == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
                        attempts,
                        next,
                        rejected.statusCode(),
                        rejected.error(),
                        next == null ? now : null);
            }
        };
        if (!recorded) {
            log.warn("lost the lease on delivery {} while sending it", delivery.id());
        }
    }

    /** Polls now rather than at the next tick: an event was just committed. */
    void wake() {
        ScheduledExecutorService current = poller;
        if (current != null && wakeQueued.compareAndSet(false, true)) {
            current.execute(() -> {
                wakeQueued.set(false);
                poll();
            });
        }
    }

    private void poll() {
        try {
            deliverDue(clock.instant());
        } catch (RuntimeException e) {
            // A database hiccup must not end the schedule; the next poll retries.
            log.warn("webhook delivery poll failed", e);
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.runsWorkers() || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("webhook-dispatcher").daemon().factory());
        poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
