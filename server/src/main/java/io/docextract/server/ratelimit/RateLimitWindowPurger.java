package io.docextract.server.ratelimit;

import io.docextract.server.DocExtractProperties;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Deletes closed rate-limit windows every ten minutes in processes that serve the API. */
@Component
public class RateLimitWindowPurger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RateLimitWindowPurger.class);

    private final RateLimiter limiter;
    private final InstantSource clock;
    private final DocExtractProperties properties;
    private ScheduledExecutorService executor;

    public RateLimitWindowPurger(RateLimiter limiter, InstantSource clock, DocExtractProperties properties) {
        this.limiter = limiter;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.servesApi() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("rate-limit-purge").daemon().factory());
        executor.scheduleWithFixedDelay(this::purge, 1, 10, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            int deleted = limiter.purge(clock.instant());
            log.debug("purged {} rate-limit windows", deleted);
        } catch (RuntimeException e) {
            // A database hiccup must not end the schedule; the next run catches up.
            log.warn("could not purge rate-limit windows", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
