package io.docextract.server.jobs;

import java.time.Duration;

/**
 * When a failed attempt is tried again: only for retryable errors, while attempts remain, after a
 * delay that doubles with each attempt ({@code base}, {@code 2·base}, {@code 4·base}, … up to
 * {@code max}).
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {

    public boolean retries(JobErrorCode code, int attemptsMade) {
        return code.retryable() && attemptsMade < maxAttempts;
    }

    /** The delay before the next attempt, after {@code attemptsMade} attempts (≥ 1). */
    public Duration delayAfter(int attemptsMade) {
        int doublings = Math.clamp(attemptsMade - 1, 0, 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
