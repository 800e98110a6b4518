package io.docextract.server.auth;

import java.time.Instant;

/**
 * A tenant. Limits left null fall back to the plan's; for enterprise and self_hosted plans null
 * means unlimited.
 */
public record Organization(
        String id,
        String name,
        Plan plan,
        int retentionDays,
        boolean creditsEnforced,
        Integer requestsPerMinute,
        Integer requestsPerHour,
        Integer maxConcurrentJobs,
        Instant createdAt) {

    public Integer effectiveRequestsPerMinute() {
        return requestsPerMinute != null ? requestsPerMinute : plan.requestsPerMinute();
    }

    public Integer effectiveRequestsPerHour() {
        return requestsPerHour != null ? requestsPerHour : plan.requestsPerHour();
    }

    public Integer effectiveConcurrentJobs() {
        return maxConcurrentJobs != null ? maxConcurrentJobs : plan.concurrentJobs();
    }
}
