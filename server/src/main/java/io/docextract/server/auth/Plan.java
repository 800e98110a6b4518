package io.docextract.server.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * An organization's plan and the limits that come with it. {@code null} limits are unlimited;
 * enterprise and self_hosted take their limits from the organization's own settings.
 */
public enum Plan {
    FREE(10, 100, 2),
    STARTER(60, 1_000, 5),
    PROFESSIONAL(100, 3_000, 10),
    BUSINESS(500, 15_000, 50),
    ENTERPRISE(null, null, null),
    SELF_HOSTED(null, null, null);

    private final Integer requestsPerMinute;
    private final Integer requestsPerHour;
    private final Integer concurrentJobs;

    Plan(Integer requestsPerMinute, Integer requestsPerHour, Integer concurrentJobs) {
        this.requestsPerMinute = requestsPerMinute;
        this.requestsPerHour = requestsPerHour;
        this.concurrentJobs = concurrentJobs;
    }

    public Integer requestsPerMinute() {
        return requestsPerMinute;
    }

    public Integer requestsPerHour() {
        return requestsPerHour;
    }

    public Integer concurrentJobs() {
        return concurrentJobs;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Plan> fromValue(String value) {
        for (Plan plan : values()) {
            if (plan.value().equals(value)) {
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }
}
