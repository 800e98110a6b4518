package io.docextract.server.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after about 1 min, 5 min, 30 min, 2 h, 8 h and 24 h,
 * then never (seven attempts in all over about 35 hours).
 */
record RetrySchedule(List<Duration> delays) {

    static final RetrySchedule STANDARD = new RetrySchedule(List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(8),
            Duration.ofHours(24)));

    /** The next attempt after {@code attemptsMade} failed attempts, or empty when the retries are used up. */
    Optional<Instant> nextAttempt(int attemptsMade, Instant now) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delays.get(attemptsMade - 1)));
    }

    int maxAttempts() {
        return delays.size() + 1;
    }
}
