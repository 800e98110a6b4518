package io.docextract.server.api;

import io.docextract.server.auth.Caller;
import io.docextract.server.auth.Scope;
import io.docextract.server.credits.CreditBalance;
import io.docextract.server.credits.CreditLedger;
import io.docextract.server.credits.CreditTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/credits} and the ledger behind it. */
@RestController
public class CreditsController {

    public record LastPurchase(long amount, BigDecimal pricePaid, Instant purchasedAt) {}

    public record CreditsResponse(
            long balance,
            long totalPurchased,
            long totalUsed,
            String currency,
            LastPurchase lastPurchase,
            boolean enforced,
            long lowBalanceThreshold) {

        static CreditsResponse of(CreditBalance balance) {
            CreditTransaction last = balance.lastPurchase();
            return new CreditsResponse(
                    balance.account().balance(),
                    balance.account().totalPurchased(),
                    balance.account().totalUsed(),
                    CreditLedger.CURRENCY,
                    last == null ? null : new LastPurchase(last.amount(), last.pricePaid(), last.createdAt()),
                    balance.enforced(),
                    balance.account().lowBalanceThreshold());
        }
    }

    public record TransactionResponse(
            String id,
            String type,
            long amount,
            long balanceAfter,
            String jobId,
            String description,
            BigDecimal pricePaid,
            Instant createdAt) {

        static TransactionResponse of(CreditTransaction t) {
            return new TransactionResponse(
                    t.id(),
                    t.type().value(),
                    t.amount(),
                    t.balanceAfter(),
                    t.jobId(),
                    t.description(),
                    t.pricePaid(),
                    t.createdAt());
        }
    }

    public record TransactionList(
            List<TransactionResponse> transactions, long total, int limit, int offset, boolean hasMore) {}

    private final CreditLedger ledger;

    public CreditsController(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/v1/credits")
    CreditsResponse credits(Caller caller) {
        caller.require(Scope.CREDITS_READ);
        return CreditsResponse.of(ledger.balance(caller.orgId()));
    }

    @GetMapping("/v1/credits/transactions")
    TransactionList transactions(
            Caller caller,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        caller.require(Scope.CREDITS_READ);
        Paging paging = Paging.of(limit, offset);
        CreditLedger.TransactionPage page = ledger.transactions(caller.orgId(), paging.limit(), paging.offset());
        List<TransactionResponse> items =
                page.transactions().stream().map(TransactionResponse::of).toList();
        return new TransactionList(
                items, page.total(), paging.limit(), paging.offset(), paging.hasMore(page.total(), items.size()));
    }
}
