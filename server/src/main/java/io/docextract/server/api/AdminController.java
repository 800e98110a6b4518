package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.admin.Administration;
import io.docextract.server.admin.Change;
import io.docextract.server.admin.KeyRequest;
import io.docextract.server.admin.OrganizationDetails;
import io.docextract.server.admin.OrganizationSettings;
import io.docextract.server.auth.Organization;
import io.docextract.server.auth.Plan;
import io.docextract.server.credits.TransactionType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The admin API of a self-hosted install under {@code /admin/v1}, guarded by
 * {@link AdminAuthentication}: organizations, plans and limits, keys, credits.
 */
@RestController
public class AdminController {

    private static final Set<String> ORGANIZATION_FIELDS = Set.of(
            "name",
            "plan",
            "retention_days",
            "credits_enforced",
            "requests_per_minute",
            "requests_per_hour",
            "max_concurrent_jobs",
            "low_balance_threshold");
    private static final Set<String> KEY_FIELDS =
            Set.of("name", "mode", "scopes", "requests_per_minute", "requests_per_hour");
    private static final Set<String> KEY_LIMIT_FIELDS = Set.of("requests_per_minute", "requests_per_hour");
    private static final Set<String> CREDIT_FIELDS = Set.of("type", "amount", "description", "price_paid");

    /**
     * An organization: its settings as stored (limit overrides, null when the plan's apply) and
     * the limits in effect (null: unlimited).
     */
    public record OrganizationResponse(
            String id,
            String name,
            String plan,
            int retentionDays,
            boolean creditsEnforced,
            Integer requestsPerMinute,
            Integer requestsPerHour,
            Integer maxConcurrentJobs,
            Integer effectiveRequestsPerMinute,
            Integer effectiveRequestsPerHour,
            Integer effectiveMaxConcurrentJobs,
            long creditBalance,
            long lowBalanceThreshold,
            Instant createdAt) {

        static OrganizationResponse of(OrganizationDetails details) {
            Organization org = details.organization();
            return new OrganizationResponse(
                    org.id(),
                    org.name(),
                    org.plan().value(),
                    org.retentionDays(),
                    org.creditsEnforced(),
                    org.requestsPerMinute(),
                    org.requestsPerHour(),
                    org.maxConcurrentJobs(),
                    org.effectiveRequestsPerMinute(),
                    org.effectiveRequestsPerHour(),
                    org.effectiveConcurrentJobs(),
                    details.credits().balance(),
                    details.credits().lowBalanceThreshold(),
                    org.createdAt());
        }
    }

    public record OrganizationList(List<OrganizationResponse> organizations) {}

    public record KeyList(List<KeyResponse> keys) {}

    private final Administration administration;

    public AdminController(Administration administration) {
        this.administration = administration;
    }

    @PostMapping("/admin/v1/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationResponse createOrganization(@RequestBody JsonNode body) {
        JsonFields fields = new JsonFields(body, ORGANIZATION_FIELDS);
        OrganizationSettings settings = settings(fields);
        String name = JsonFields.valueOr(settings.name(), null);
        Plan plan = JsonFields.valueOr(settings.plan(), Plan.SELF_HOSTED);
        return OrganizationResponse.of(administration.createOrganization(name, plan, settings));
    }

    @GetMapping("/admin/v1/organizations")
    OrganizationList organizations() {
        return new OrganizationList(administration.organizations().stream()
                .map(OrganizationResponse::of)
                .toList());
    }

    @GetMapping("/admin/v1/organizations/{orgId}")
    OrganizationResponse organization(@PathVariable String orgId) {
        return OrganizationResponse.of(administration.organization(orgId));
    }

    @PatchMapping("/admin/v1/organizations/{orgId}")
    OrganizationResponse updateOrganization(@PathVariable String orgId, @RequestBody JsonNode body) {
        return OrganizationResponse.of(
                administration.updateOrganization(orgId, settings(new JsonFields(body, ORGANIZATION_FIELDS))));
    }

    @GetMapping("/admin/v1/organizations/{orgId}/keys")
    KeyList keys(@PathVariable String orgId) {
        return new KeyList(
                administration.keys(orgId).stream().map(KeyResponse::of).toList());
    }

    @PostMapping("/admin/v1/organizations/{orgId}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    KeyResponse issueKey(@PathVariable String orgId, @RequestBody(required = false) JsonNode body) {
        // No body, or a JSON null, asks for a live key with every scope.
        JsonNode given = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
        JsonFields fields = new JsonFields(given, KEY_FIELDS);
        String mode = JsonFields.valueOr(fields.string("mode"), "live");
        KeyRequest request = new KeyRequest(
                JsonFields.valueOr(fields.string("name"), null),
                switch (mode) {
                    case "live" -> false;
                    case "test" -> true;
                    default -> throw ApiException.validation("mode", "must be live or test");
                },
                JsonFields.valueOr(fields.strings("scopes"), null),
                JsonFields.valueOr(fields.integer("requests_per_minute"), null),
                JsonFields.valueOr(fields.integer("requests_per_hour"), null));
        fields.check();
        return KeyResponse.of(administration.issueKey(orgId, request));
    }

    @PatchMapping("/admin/v1/organizations/{orgId}/keys/{keyId}")
    KeyResponse updateKey(@PathVariable String orgId, @PathVariable String keyId, @RequestBody JsonNode body) {
        JsonFields fields = new JsonFields(body, KEY_LIMIT_FIELDS);
        Change<Integer> perMinute = fields.integer("requests_per_minute");
        Change<Integer> perHour = fields.integer("requests_per_hour");
        fields.check();
        return KeyResponse.of(administration.updateKeyLimits(orgId, keyId, perMinute, perHour));
    }

    @DeleteMapping("/admin/v1/organizations/{orgId}/keys/{keyId}")
    KeyResponse revokeKey(@PathVariable String orgId, @PathVariable String keyId) {
        return KeyResponse.of(administration.revokeKey(orgId, keyId));
    }

    @GetMapping("/admin/v1/organizations/{orgId}/credits")
    CreditsController.CreditsResponse credits(@PathVariable String orgId) {
        return CreditsController.CreditsResponse.of(administration.credits(orgId));
    }

    @PostMapping("/admin/v1/organizations/{orgId}/credits")
    @ResponseStatus(HttpStatus.CREATED)
    CreditsController.TransactionResponse recordCredits(@PathVariable String orgId, @RequestBody JsonNode body) {
        JsonFields fields = new JsonFields(body, CREDIT_FIELDS);
        String typeName = JsonFields.valueOr(fields.string("type"), "grant");
        Long amount = JsonFields.valueOr(fields.longInteger("amount"), null);
        String description = JsonFields.valueOr(fields.string("description"), null);
        BigDecimal pricePaid = JsonFields.valueOr(fields.decimal("price_paid"), null);
        fields.check();
        TransactionType type = TransactionType.fromValue(typeName)
                .filter(t -> t != TransactionType.USAGE)
                .orElseThrow(() -> ApiException.validation("type", "must be grant, purchase, refund or adjustment"));
        if (amount == null) {
            throw ApiException.validation("amount", "is required");
        }
        return CreditsController.TransactionResponse.of(
                administration.recordCredits(orgId, type, amount, description, pricePaid));
    }

    private static OrganizationSettings settings(JsonFields fields) {
        Change<String> planName = fields.string("plan");
        Change<Plan> plan = switch (planName) {
            case Change.Keep<String> keep -> Change.keep();
            case Change.To<String> to ->
                Change.to(
                        to.value() == null
                                ? null
                                : Plan.fromValue(to.value())
                                        .orElseThrow(
                                                () -> ApiException.validation(
                                                        "plan",
                                                        "must be free, starter, professional, business, enterprise or self_hosted")));
        };
        OrganizationSettings settings = new OrganizationSettings(
                fields.string("name"),
                plan,
                fields.integer("retention_days"),
                fields.bool("credits_enforced"),
                fields.integer("requests_per_minute"),
                fields.integer("requests_per_hour"),
                fields.integer("max_concurrent_jobs"),
                fields.longInteger("low_balance_threshold"));
        fields.check();
        return settings;
    }
}
