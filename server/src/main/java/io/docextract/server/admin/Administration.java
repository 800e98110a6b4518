package io.docextract.server.admin;

import io.docextract.server.ApiException;
import io.docextract.server.auth.AccessService;
import io.docextract.server.auth.ApiKey;
import io.docextract.server.auth.IssuedKey;
import io.docextract.server.auth.Organization;
import io.docextract.server.auth.Plan;
import io.docextract.server.auth.Scope;
import io.docextract.server.credits.CreditBalance;
import io.docextract.server.credits.CreditLedger;
import io.docextract.server.credits.CreditRepository;
import io.docextract.server.credits.CreditTransaction;
import io.docextract.server.credits.TransactionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator of an install does: organizations and their plans, limits, retention
 * and credit enforcement; keys; credit grants. Used by the admin API and the command line alike.
 */
@Service
public class Administration {

    static final int MAX_NAME_LENGTH = 200;

    private final AccessService access;
    private final CreditLedger ledger;
    private final CreditRepository credits;

    public Administration(AccessService access, CreditLedger ledger, CreditRepository credits) {
        this.access = access;
        this.ledger = ledger;
        this.credits = credits;
    }

    /** A new organization; {@code settings} may set anything beyond the name and plan. */
    @Transactional
    public OrganizationDetails createOrganization(String name, Plan plan, OrganizationSettings settings) {
        checkName(name);
        Organization created = access.createOrganization(name.strip(), plan);
        return updateOrganization(created.id(), settings);
    }

    @Transactional
    public OrganizationDetails updateOrganization(String orgId, OrganizationSettings settings) {
        Organization current = access.organization(orgId);
        String name = settings.name().applyTo(current.name());
        checkName(name);
        Organization updated = new Organization(
                current.id(),
                name.strip(),
                require(settings.plan().applyTo(current.plan()), "plan"),
                inRange(
                        require(settings.retentionDays().applyTo(current.retentionDays()), "retention_days"),
                        "retention_days",
                        1,
                        36_500),
                require(settings.creditsEnforced().applyTo(current.creditsEnforced()), "credits_enforced"),
                inRange(
                        settings.requestsPerMinute().applyTo(current.requestsPerMinute()),
                        "requests_per_minute",
                        1,
                        1_000_000_000),
                inRange(
                        settings.requestsPerHour().applyTo(current.requestsPerHour()),
                        "requests_per_hour",
                        1,
                        1_000_000_000),
                inRange(
                        settings.maxConcurrentJobs().applyTo(current.maxConcurrentJobs()),
                        "max_concurrent_jobs",
                        1,
                        100_000),
                current.createdAt());
        access.updateOrganization(updated);
        if (settings.lowBalanceThreshold() instanceof Change.To<Long> threshold) {
            ledger.setLowBalanceThreshold(orgId, require(threshold.value(), "low_balance_threshold"));
        }
        return organization(orgId);
    }

    public OrganizationDetails organization(String orgId) {
        Organization org = access.organization(orgId);
        return new OrganizationDetails(org, credits.account(orgId).orElseThrow());
    }

    public List<OrganizationDetails> organizations() {
        return access.organizations().stream()
                .map(org ->
                        new OrganizationDetails(org, credits.account(org.id()).orElseThrow()))
                .toList();
    }

    @Transactional
    public IssuedKey issueKey(String orgId, KeyRequest request) {
        access.organization(orgId);
        String name = request.name() == null || request.name().isBlank()
                ? "key"
                : request.name().strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiException.validation("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return access.issueKey(
                orgId,
                name,
                request.testMode(),
                scopes(request.scopes()),
                inRange(request.requestsPerMinute(), "requests_per_minute", 1, 1_000_000_000),
                inRange(request.requestsPerHour(), "requests_per_hour", 1, 1_000_000_000));
    }

    @Transactional
    public ApiKey updateKeyLimits(String orgId, String keyId, Change<Integer> perMinute, Change<Integer> perHour) {
        ApiKey key = access.key(orgId, keyId);
        return access.updateKeyLimits(
                orgId,
                keyId,
                inRange(perMinute.applyTo(key.requestsPerMinute()), "requests_per_minute", 1, 1_000_000_000),
                inRange(perHour.applyTo(key.requestsPerHour()), "requests_per_hour", 1, 1_000_000_000));
    }

    public List<ApiKey> keys(String orgId) {
        access.organization(orgId);
        return access.keys(orgId);
    }

    @Transactional
    public ApiKey revokeKey(String orgId, String keyId) {
        access.revokeKey(orgId, keyId);
        return access.key(orgId, keyId);
    }

    @Transactional
    public CreditTransaction recordCredits(
            String orgId, TransactionType type, long amount, String description, BigDecimal pricePaid) {
        return ledger.record(orgId, type, amount, description, pricePaid, null);
    }

    public CreditBalance credits(String orgId) {
        return ledger.balance(orgId);
    }

    /** The scopes named, every scope when null. */
    static Set<Scope> scopes(List<String> names) {
        if (names == null) {
            return Scope.all();
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        List<ApiException.Detail> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Scope.fromValue(name)
                    .ifPresentOrElse(
                            scopes::add,
                            () -> problems.add(new ApiException.Detail(
                                    "scopes", "unknown scope " + name + "; known: " + known())));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        if (scopes.isEmpty()) {
            throw ApiException.validation("scopes", "must name at least one scope");
        }
        return scopes;
    }

    private static String known() {
        return String.join(", ", Scope.all().stream().map(Scope::value).toList());
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.validation("name", "is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiException.validation("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw ApiException.validation(field, "must not be null");
        }
        return value;
    }

    private static Integer inRange(Integer value, String field, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw ApiException.validation(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
