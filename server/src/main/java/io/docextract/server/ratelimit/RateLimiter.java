package io.docextract.server.ratelimit;

import io.docextract.server.auth.Caller;
import io.docextract.server.auth.Organization;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Counts each request against its organization's and its key's per-minute and per-hour limits.
 * Callers without any limit (a self-hosted organization by default) cost no database write.
 * A refused request is taken back out of the counts, so retrying too early does not use up the
 * hourly allowance.
 */
@Service
public class RateLimiter {

    private final RateLimitWindows windows;
    private final InstantSource clock;

    public RateLimiter(RateLimitWindows windows, InstantSource clock) {
        this.windows = windows;
        this.clock = clock;
    }

    public RateLimitDecision admit(Caller caller) {
        return admit(caller, clock.instant());
    }

    public RateLimitDecision admit(Caller caller, Instant now) {
        List<RateCounter> counters = counters(caller);
        long reset = RateWindow.MINUTE.end(now) / 1000;
        if (counters.isEmpty()) {
            return RateLimitDecision.unlimited(reset);
        }
        Map<String, Long> starts = new LinkedHashMap<>();
        counters.forEach(
                counter -> starts.put(counter.bucket(), counter.window().start(now)));
        Map<String, Long> counts = windows.increment(starts);

        long retryAfter = 0;
        long remaining = RateLimitDecision.UNLIMITED;
        RateCounter binding = null;
        long bindingRemaining = Long.MAX_VALUE;
        for (RateCounter counter : counters) {
            long count = counts.getOrDefault(counter.bucket(), 1L);
            long left = Math.max(0, counter.limit() - count);
            remaining = Math.min(remaining, left);
            if (count > counter.limit()) {
                retryAfter = Math.max(retryAfter, counter.window().secondsLeft(now));
            }
            if (counter.window() == RateWindow.MINUTE && left < bindingRemaining) {
                binding = counter;
                bindingRemaining = left;
            }
        }
        boolean allowed = retryAfter == 0;
        if (!allowed) {
            windows.decrement(starts);
        }
        long limit = binding == null ? RateLimitDecision.UNLIMITED : binding.limit();
        return new RateLimitDecision(allowed, limit, remaining, reset, retryAfter);
    }

    /**
     * Deletes windows nothing counts in any more: those before the current hour, keeping one more
     * hour so that an API process whose clock lags a little still finds its counts.
     */
    public int purge(Instant now) {
        return windows.deleteStartedBefore(RateWindow.HOUR.start(now.minus(Duration.ofHours(1))));
    }

    private static List<RateCounter> counters(Caller caller) {
        Organization org = caller.organization();
        List<RateCounter> counters = new ArrayList<>(4);
        add(counters, "org:" + org.id(), RateWindow.MINUTE, org.effectiveRequestsPerMinute());
        add(counters, "org:" + org.id(), RateWindow.HOUR, org.effectiveRequestsPerHour());
        add(counters, "key:" + caller.keyId(), RateWindow.MINUTE, caller.keyRequestsPerMinute());
        add(counters, "key:" + caller.keyId(), RateWindow.HOUR, caller.keyRequestsPerHour());
        counters.sort(Comparator.comparing(RateCounter::bucket));
        return counters;
    }

    private static void add(List<RateCounter> counters, String subject, RateWindow window, Integer limit) {
        if (limit != null) {
            counters.add(new RateCounter(subject, window, limit));
        }
    }
}
