package io.docextract.server.credits;

/**
 * What {@code GET /v1/credits} reports: the account, the latest purchase (null when none) and
 * whether submits are refused when the balance cannot cover them.
 */
public record CreditBalance(CreditAccount account, CreditTransaction lastPurchase, boolean enforced) {}
