package io.docextract.server.admin;

import io.docextract.server.auth.Plan;

/**
 * Changes to an organization's settings; every field may be left as it is. Limits set to null
 * fall back to the plan's (unlimited for enterprise and self_hosted).
 */
public record OrganizationSettings(
        Change<String> name,
        Change<Plan> plan,
        Change<Integer> retentionDays,
        Change<Boolean> creditsEnforced,
        Change<Integer> requestsPerMinute,
        Change<Integer> requestsPerHour,
        Change<Integer> maxConcurrentJobs,
        Change<Long> lowBalanceThreshold) {

    public static OrganizationSettings none() {
        return new OrganizationSettings(
                Change.keep(),
                Change.keep(),
                Change.keep(),
                Change.keep(),
                Change.keep(),
                Change.keep(),
                Change.keep(),
                Change.keep());
    }
}
