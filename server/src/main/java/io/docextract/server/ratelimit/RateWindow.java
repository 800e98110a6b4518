package io.docextract.server.ratelimit;

import java.time.Duration;
import java.time.Instant;

/** The fixed windows requests are counted in. A window starts at a multiple of its length (Unix time). */
public enum RateWindow {
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1));

    private final long millis;

    RateWindow(Duration length) {
        this.millis = length.toMillis();
    }

    public long start(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), millis) * millis;
    }

    public long end(Instant now) {
        return start(now) + millis;
    }

    /** Whole seconds until the window that holds {@code now} closes, at least 1. */
    public long secondsLeft(Instant now) {
        return Math.max(1, Math.ceilDiv(end(now) - now.toEpochMilli(), 1000));
    }

    /** Suffix of counter buckets in this window. */
    String tag() {
        return this == MINUTE ? "m" : "h";
    }
}
