package io.docextract.server.credits;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.Ids;
import io.docextract.server.auth.Organization;
import io.docextract.server.auth.OrganizationRepository;
import io.docextract.server.webhooks.EventOutbox;
import io.docextract.server.webhooks.EventType;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit ledger: every change to a balance is one transaction row written with the balance
 * it left, in the same database transaction as the balance update. Crossing the organization's
 * low-balance threshold or zero (downwards) publishes {@code credits.low_balance} /
 * {@code credits.depleted}. Credits are a live-mode notion: test jobs never reach the ledger.
 */
@Service
public class CreditLedger {

    /** The currency of {@code price_paid}. */
    public static final String CURRENCY = "USD";

    private static final int MAX_DESCRIPTION_LENGTH = 500;

    /** One page of the ledger, newest first. */
    public record TransactionPage(List<CreditTransaction> transactions, long total) {}

    private final CreditRepository credits;
    private final OrganizationRepository organizations;
    private final EventOutbox outbox;
    private final InstantSource clock;

    public CreditLedger(
            CreditRepository credits, OrganizationRepository organizations, EventOutbox outbox, InstantSource clock) {
        this.credits = credits;
        this.organizations = organizations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Charges a completed live job. Call it inside the transaction that completes the job, so the
     * charge and the completion commit together. Charging the same job twice is a no-op that
     * returns the first charge.
     *
     * @return the usage entry, or empty when {@code credits} is 0
     */
    @Transactional
    public Optional<CreditTransaction> recordUsage(String orgId, String jobId, int credits) {
        if (credits < 0) {
            throw new IllegalArgumentException("credits must not be negative: " + credits);
        }
        if (credits == 0) {
            return Optional.empty();
        }
        Optional<CreditTransaction> earlier = this.credits.usageOf(orgId, jobId);
        if (earlier.isPresent()) {
            return earlier;
        }
        return Optional.of(change(orgId, TransactionType.USAGE, credits, jobId, "Job " + jobId, null));
    }

    /**
     * A purchase, grant, refund or adjustment made by an administrator. Purchases, grants and
     * refunds take a positive amount; an adjustment any non-zero amount.
     */
    @Transactional
    public CreditTransaction record(
            String orgId, TransactionType type, long amount, String description, BigDecimal pricePaid, String jobId) {
        organization(orgId);
        if (type == TransactionType.USAGE) {
            throw ApiException.validation("type", "must be purchase, grant, refund or adjustment");
        }
        if (type == TransactionType.ADJUSTMENT ? amount == 0 : amount <= 0) {
            throw ApiException.validation(
                    "amount", type == TransactionType.ADJUSTMENT ? "must not be 0" : "must be a positive number");
        }
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw ApiException.validation("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (pricePaid != null && (type != TransactionType.PURCHASE || pricePaid.signum() < 0)) {
            throw ApiException.validation("price_paid", "is only for purchases and must not be negative");
        }
        return change(orgId, type, amount, jobId, description, pricePaid);
    }

    public CreditBalance balance(String orgId) {
        Organization org = organization(orgId);
        CreditAccount account = credits.account(orgId).orElseThrow(() -> noAccount(orgId));
        return new CreditBalance(account, credits.lastPurchase(orgId).orElse(null), org.creditsEnforced());
    }

    public TransactionPage transactions(String orgId, int limit, int offset) {
        return new TransactionPage(credits.list(orgId, limit, offset), credits.count(orgId));
    }

    @Transactional
    public void setLowBalanceThreshold(String orgId, long threshold) {
        if (threshold < 0) {
            throw ApiException.validation("low_balance_threshold", "must not be negative");
        }
        if (!credits.setLowBalanceThreshold(orgId, threshold)) {
            throw noAccount(orgId);
        }
    }

    /**
     * Refuses a live submit that the balance cannot cover where the organization enforces credits.
     *
     * @throws ApiException {@code insufficient_credits} (402)
     */
    public void checkCanCover(Organization org, boolean testMode, int cost) {
        if (testMode || !org.creditsEnforced()) {
            return;
        }
        long balance = credits.account(org.id()).map(CreditAccount::balance).orElse(0L);
        if (balance < cost) {
            throw new ApiException(
                    ErrorCode.INSUFFICIENT_CREDITS,
                    "This job costs " + cost + " credit" + (cost == 1 ? "" : "s") + " and the balance is " + balance
                            + ".");
        }
    }

    private CreditTransaction change(
            String orgId, TransactionType type, long amount, String jobId, String description, BigDecimal pricePaid) {
        CreditAccount after = credits.apply(
                        orgId, type.balanceChange(amount), type.purchasedChange(amount), type.usedChange(amount))
                .orElseThrow(() -> noAccount(orgId));
        long change = type.balanceChange(amount);
        CreditTransaction transaction = new CreditTransaction(
                Ids.newId("txn"), orgId, type, change, after.balance(), jobId, description, pricePaid, clock.instant());
        credits.insert(transaction);
        publishCrossings(after, after.balance() - change);
        return transaction;
    }

    private void publishCrossings(CreditAccount after, long before) {
        long threshold = after.lowBalanceThreshold();
        BalanceCrossing crossing = new BalanceCrossing(after.orgId(), after.balance(), before, threshold);
        if (before >= threshold && after.balance() < threshold) {
            outbox.publish(after.orgId(), false, EventType.CREDITS_LOW_BALANCE, crossing);
        }
        if (before > 0 && after.balance() <= 0) {
            outbox.publish(after.orgId(), false, EventType.CREDITS_DEPLETED, crossing);
        }
    }

    private Organization organization(String orgId) {
        return organizations
                .find(orgId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No organization " + orgId + "."));
    }

    private static ApiException noAccount(String orgId) {
        return new ApiException(ErrorCode.NOT_FOUND, "No credit account for organization " + orgId + ".");
    }
}
