package io.docextract.server.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.ServerTestSupport;
import io.docextract.server.admin.Administration;
import io.docextract.server.admin.Change;
import io.docextract.server.admin.OrganizationSettings;
import io.docextract.server.auth.Caller;
import io.docextract.server.auth.Scope;
import io.docextract.server.extractors.ExtractorSummary;
import io.docextract.server.jobs.FinishedJob;
import io.docextract.server.jobs.JobStatus;
import io.docextract.server.jobs.PendingSubmission;
import io.docextract.server.jobs.SubmissionGuard;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class CreditsTest extends ServerTestSupport {

    @Autowired
    CreditLedger ledger;

    @Autowired
    Administration administration;

    @Autowired
    SubmissionGuard guard;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewOrganizationHasAnEmptyAccount() {
        Tenant tenant = newTenant();
        Response response = get(tenant.liveKey(), "/v1/credits");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("balance").asLong()).isZero();
        assertThat(body.path("total_purchased").asLong()).isZero();
        assertThat(body.path("total_used").asLong()).isZero();
        assertThat(body.path("currency").asString()).isEqualTo("USD");
        assertThat(body.path("last_purchase").isNull()).isTrue();
        assertThat(body.path("enforced").asBoolean()).isFalse();
        JsonNode transactions =
                get(tenant.liveKey(), "/v1/credits/transactions").json();
        assertThat(transactions.path("total").asLong()).isZero();
        assertThat(transactions.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void theLedgerAddsUp() {
        Tenant tenant = newTenant();
        String org = tenant.orgId();
        ledger.record(org, TransactionType.GRANT, 100, "welcome", null, null);
        ledger.record(org, TransactionType.PURCHASE, 50, "pack", new BigDecimal("9.99"), null);
        ledger.recordUsage(org, "job_a", 8);
        ledger.recordUsage(org, "job_b", 2);
        // Charging a job twice changes nothing.
        assertThat(ledger.recordUsage(org, "job_a", 8).orElseThrow().balanceAfter())
                .isEqualTo(142);
        ledger.record(org, TransactionType.REFUND, 2, "job_b was wrong", null, "job_b");
        ledger.record(org, TransactionType.ADJUSTMENT, -10, "correction", null, null);
        assertThat(ledger.recordUsage(org, "job_free", 0)).isEmpty();

        JsonNode credits = get(tenant.liveKey(), "/v1/credits").json();
        assertThat(credits.path("balance").asLong()).isEqualTo(100 + 50 - 8 - 2 + 2 - 10);
        assertThat(credits.path("total_purchased").asLong()).isEqualTo(150);
        assertThat(credits.path("total_used").asLong()).isEqualTo(8);
        assertThat(credits.path("last_purchase").path("amount").asLong()).isEqualTo(50);
        assertThat(credits.path("last_purchase").path("price_paid").decimalValue())
                .isEqualByComparingTo("9.99");
        assertThat(credits.path("last_purchase").path("purchased_at").asString())
                .endsWith("Z");

        JsonNode page =
                get(tenant.liveKey(), "/v1/credits/transactions?limit=2").json();
        assertThat(page.path("total").asLong()).isEqualTo(6);
        assertThat(page.path("limit").asInt()).isEqualTo(2);
        assertThat(page.path("has_more").asBoolean()).isTrue();
        JsonNode newest = page.path("transactions").get(0);
        assertThat(newest.path("id").asString()).startsWith("txn_");
        assertThat(newest.path("type").asString()).isEqualTo("adjustment");
        assertThat(newest.path("amount").asLong()).isEqualTo(-10);
        assertThat(newest.path("balance_after").asLong()).isEqualTo(132);

        JsonNode all = get(tenant.liveKey(), "/v1/credits/transactions?limit=10&offset=0")
                .json();
        List<String> types = all.path("transactions")
                .valueStream()
                .map(t -> t.path("type").asString())
                .toList();
        assertThat(types).containsExactly("adjustment", "refund", "usage", "usage", "purchase", "grant");
        JsonNode usage = all.path("transactions").get(3);
        assertThat(usage.path("amount").asLong()).isEqualTo(-8);
        assertThat(usage.path("job_id").asString()).isEqualTo("job_a");
        assertThat(usage.path("balance_after").asLong()).isEqualTo(142);
        assertThat(get(tenant.liveKey(), "/v1/credits/transactions?offset=5")
                        .json()
                        .path("has_more")
                        .asBoolean())
                .isFalse();
        assertThat(get(tenant.liveKey(), "/v1/credits/transactions?limit=0").status())
                .isEqualTo(400);
    }

    @Test
    void creditsNeedTheCreditsReadScope() {
        Tenant tenant = newTenant();
        String key = access.issueKey(tenant.orgId(), "docs", false, Set.of(Scope.DOCUMENTS_READ))
                .secret();
        Response response = get(key, "/v1/credits");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("insufficient_scope");
        assertThat(get(key, "/v1/credits/transactions").status()).isEqualTo(403);
    }

    @Test
    void enforcementRefusesLiveSubmitsTheBalanceCannotCover() {
        Tenant tenant = newTenant();
        ledger.record(tenant.orgId(), TransactionType.GRANT, 1, null, null, null);
        // Not enforced: anything goes.
        guard.check(submission(access.authenticate(tenant.liveKey()), "invoice"));

        administration.updateOrganization(tenant.orgId(), enforce());
        Caller live = access.authenticate(tenant.liveKey());
        // A receipt costs at least 1: covered.
        guard.check(submission(live, "receipt"));
        // Anything else costs at least 2.
        assertThatThrownBy(() -> guard.check(submission(live, "invoice")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_CREDITS));
        // Test jobs cost nothing.
        guard.check(submission(access.authenticate(tenant.testKey()), "invoice"));
        assertThat(get(tenant.liveKey(), "/v1/credits").json().path("enforced").asBoolean())
                .isTrue();
        assertThat(ErrorCode.INSUFFICIENT_CREDITS.status()).isEqualTo(402);
    }

    @Test
    void crossingTheThresholdAndZeroPublishesEventsOnce() {
        Tenant tenant = newTenant();
        String org = tenant.orgId();
        ledger.setLowBalanceThreshold(org, 50);
        ledger.record(org, TransactionType.GRANT, 60, null, null, null);
        assertThat(events(org)).isEmpty();
        ledger.recordUsage(org, "job_1", 5);
        assertThat(events(org)).isEmpty();
        ledger.recordUsage(org, "job_2", 8);
        assertThat(events(org)).containsExactly("credits.low_balance");
        ledger.recordUsage(org, "job_3", 8);
        assertThat(events(org)).containsExactly("credits.low_balance");
        ledger.recordUsage(org, "job_4", 39);
        assertThat(events(org)).containsExactly("credits.low_balance", "credits.depleted");
        assertThat(get(tenant.liveKey(), "/v1/credits").json().path("balance").asLong())
                .isEqualTo(0);
        // Back above and straight through both lines: both fire again.
        ledger.record(org, TransactionType.GRANT, 100, null, null, null);
        ledger.recordUsage(org, "job_5", 8);
        ledger.record(org, TransactionType.ADJUSTMENT, -95, null, null, null);
        assertThat(events(org))
                .containsExactly("credits.low_balance", "credits.depleted", "credits.low_balance", "credits.depleted");
        String payload = jdbc.sql("SELECT payload FROM events WHERE org_id = ? ORDER BY created_at, id LIMIT 1")
                .param(org)
                .query(String.class)
                .single();
        JsonNode data = JSON.readTree(payload).path("data");
        assertThat(data.path("balance").asLong()).isEqualTo(47);
        assertThat(data.path("previous_balance").asLong()).isEqualTo(55);
        assertThat(data.path("low_balance_threshold").asLong()).isEqualTo(50);
    }

    @Autowired
    JobUsageRecorder usage;

    @Test
    void completedLiveJobsAreChargedOnceAndOthersNever() {
        Tenant tenant = newTenant();
        String org = tenant.orgId();
        usage.jobFinished(finished(org, "job_live", false, JobStatus.COMPLETED, 3));
        usage.jobFinished(finished(org, "job_live", false, JobStatus.COMPLETED, 3));
        usage.jobFinished(finished(org, "job_test", true, JobStatus.COMPLETED, 0));
        usage.jobFinished(finished(org, "job_failed", false, JobStatus.FAILED, 0));
        JsonNode credits = get(tenant.liveKey(), "/v1/credits").json();
        assertThat(credits.path("balance").asLong()).isEqualTo(-3);
        assertThat(credits.path("total_used").asLong()).isEqualTo(3);
        assertThat(get(tenant.liveKey(), "/v1/credits/transactions")
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
    }

    private static FinishedJob finished(String org, String jobId, boolean test, JobStatus status, int cost) {
        return new FinishedJob(jobId, org, "ext_x", test, status, 2, cost, null, java.time.Instant.now());
    }

    @Test
    void invalidAmountsAreRefused() {
        Tenant tenant = newTenant();
        assertThatThrownBy(() -> ledger.record(tenant.orgId(), TransactionType.GRANT, 0, null, null, null))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ledger.record(tenant.orgId(), TransactionType.GRANT, 5, null, BigDecimal.ONE, null))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ledger.record(tenant.orgId(), TransactionType.ADJUSTMENT, 0, null, null, null))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ledger.record("org_missing", TransactionType.GRANT, 5, null, null, null))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    private static PendingSubmission submission(Caller caller, String documentType) {
        return new PendingSubmission(
                caller,
                new ExtractorSummary("ext_x", caller.orgId(), "x", documentType, 1, true),
                "application/pdf",
                1000);
    }

    private List<String> events(String orgId) {
        return jdbc.sql("SELECT type FROM events WHERE org_id = ? ORDER BY created_at, id")
                .param(orgId)
                .query(String.class)
                .list();
    }

    private static OrganizationSettings enforce() {
        OrganizationSettings none = OrganizationSettings.none();
        return new OrganizationSettings(
                none.name(),
                none.plan(),
                none.retentionDays(),
                Change.to(true),
                none.requestsPerMinute(),
                none.requestsPerHour(),
                none.maxConcurrentJobs(),
                none.lowBalanceThreshold());
    }
}
