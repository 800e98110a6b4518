package io.docextract.server.cli;

import io.docextract.server.admin.OrganizationDetails;
import io.docextract.server.auth.ApiKey;
import io.docextract.server.auth.Organization;
import io.docextract.server.auth.Scope;
import io.docextract.server.credits.CreditBalance;
import io.docextract.server.credits.CreditTransaction;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** How the administration commands print what they made or found: one {@code name: value} line each. */
final class Printed {

    private Printed() {}

    static void organization(PrintWriter out, OrganizationDetails details) {
        Organization org = details.organization();
        out.println("id:                   " + org.id());
        out.println("name:                 " + org.name());
        out.println("plan:                 " + org.plan().value());
        out.println("retention days:       " + org.retentionDays());
        out.println("credits enforced:     " + org.creditsEnforced());
        out.println("requests per minute:  " + limit(org.effectiveRequestsPerMinute(), org.requestsPerMinute()));
        out.println("requests per hour:    " + limit(org.effectiveRequestsPerHour(), org.requestsPerHour()));
        out.println("concurrent jobs:      " + limit(org.effectiveConcurrentJobs(), org.maxConcurrentJobs()));
        out.println("credit balance:       " + details.credits().balance());
        out.println("low-balance threshold: " + details.credits().lowBalanceThreshold());
    }

    static String organizationRow(OrganizationDetails details) {
        Organization org = details.organization();
        return String.join(
                "\t",
                org.id(),
                org.plan().value(),
                Long.toString(details.credits().balance()),
                org.creditsEnforced() ? "enforced" : "not-enforced",
                org.name());
    }

    static void key(PrintWriter out, ApiKey key) {
        out.println("id:                   " + key.id());
        out.println("organization:         " + key.orgId());
        out.println("name:                 " + key.name());
        out.println("mode:                 " + (key.testMode() ? "test" : "live"));
        out.println("scopes:               " + scopes(key));
        out.println("requests per minute:  " + limit(null, key.requestsPerMinute()));
        out.println("requests per hour:    " + limit(null, key.requestsPerHour()));
        out.println("revoked:              " + (key.revokedAt() == null ? "no" : key.revokedAt()));
    }

    static String keyRow(ApiKey key) {
        return String.join(
                "\t",
                key.id(),
                key.testMode() ? "test" : "live",
                key.revokedAt() == null ? "active" : "revoked",
                key.displayHint(),
                key.name(),
                scopes(key));
    }

    static void balance(PrintWriter out, CreditBalance balance) {
        out.println("balance:              " + balance.account().balance());
        out.println("total purchased:      " + balance.account().totalPurchased());
        out.println("total used:           " + balance.account().totalUsed());
        out.println("enforced:             " + balance.enforced());
        out.println("low-balance threshold: " + balance.account().lowBalanceThreshold());
    }

    static void transaction(PrintWriter out, CreditTransaction transaction) {
        out.println("id:                   " + transaction.id());
        out.println("type:                 " + transaction.type().value());
        out.println("amount:               " + transaction.amount());
        out.println("balance after:        " + transaction.balanceAfter());
    }

    private static String scopes(ApiKey key) {
        return key.scopes().stream().sorted().map(Scope::value).collect(Collectors.joining(","));
    }

    private static String limit(Integer effective, Integer own) {
        if (own != null) {
            return own + (effective == null ? "" : " (custom)");
        }
        return effective == null ? "unlimited" : effective + " (plan)";
    }
}
