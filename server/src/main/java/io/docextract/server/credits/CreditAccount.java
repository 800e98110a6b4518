package io.docextract.server.credits;

/** An organization's credit balance and totals; the ledger's transactions add up to it. */
public record CreditAccount(
        String orgId, long balance, long totalPurchased, long totalUsed, long lowBalanceThreshold) {}
