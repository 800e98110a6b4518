package io.docextract.server.ratelimit;

/**
 * The verdict on one request and what the rate-limit headers say about the per-minute window.
 *
 * @param limit the per-minute limit that binds this caller ({@link #UNLIMITED} when none)
 * @param remaining requests left before a limit is hit, over every window counted ({@link
 *     #UNLIMITED} when none)
 * @param resetEpochSeconds when the current per-minute window closes, Unix seconds
 * @param retryAfterSeconds for a refused request, seconds until every exceeded window has closed
 */
public record RateLimitDecision(
        boolean allowed, long limit, long remaining, long resetEpochSeconds, long retryAfterSeconds) {

    /**
     * What the headers carry where no limit applies. A number rather than a word, so that clients
     * written against the hosted service, which parse these headers as integers, keep working.
     */
    public static final long UNLIMITED = Integer.MAX_VALUE;

    static RateLimitDecision unlimited(long resetEpochSeconds) {
        return new RateLimitDecision(true, UNLIMITED, UNLIMITED, resetEpochSeconds, 0);
    }
}
