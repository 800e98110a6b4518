package io.docextract.server.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How workers run jobs ({@code DOCEXTRACT_JOBS_*}, e.g. {@code DOCEXTRACT_JOBS_LEASE=30s}).
 *
 * @param lease how long a claim stays valid without a heartbeat; a crashed worker's job is taken up
 *     again this long after its last heartbeat
 * @param heartbeat how often running jobs renew their lease (well under {@code lease})
 * @param reapInterval how often expired leases are looked for
 * @param pollInterval how long an idle worker waits before looking for work again when nothing wakes it
 * @param maxAttempts attempts per job, counting crashes and retryable failures
 * @param retryBackoff delay before the second attempt; doubles with each further attempt
 * @param maxRetryBackoff upper bound of the retry delay
 * @param timeout how long one extraction may run before it fails with {@code extraction_timeout}
 * @param shutdownTimeout how long running jobs may finish on shutdown before they are released
 */
@ConfigurationProperties(prefix = "docextract.jobs")
public record JobSettings(
        Duration lease,
        Duration heartbeat,
        Duration reapInterval,
        Duration pollInterval,
        Integer maxAttempts,
        Duration retryBackoff,
        Duration maxRetryBackoff,
        Duration timeout,
        Duration shutdownTimeout) {

    public JobSettings {
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        heartbeat = heartbeat == null ? lease.dividedBy(3) : heartbeat;
        reapInterval = reapInterval == null ? lease.dividedBy(2) : reapInterval;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(5) : retryBackoff;
        maxRetryBackoff = maxRetryBackoff == null ? Duration.ofMinutes(5) : maxRetryBackoff;
        timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
        shutdownTimeout = shutdownTimeout == null ? Duration.ofSeconds(15) : shutdownTimeout;
        if (!heartbeat.isPositive() || heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("docextract.jobs.heartbeat must be positive and shorter than the lease");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("docextract.jobs.max-attempts must be at least 1");
        }
    }

    public static JobSettings defaults() {
        return new JobSettings(null, null, null, null, null, null, null, null, null);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, retryBackoff, maxRetryBackoff);
    }
}
