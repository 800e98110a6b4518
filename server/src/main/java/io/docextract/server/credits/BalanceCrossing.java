package io.docextract.server.credits;

/** The {@code data} of {@code credits.low_balance} and {@code credits.depleted} events. */
public record BalanceCrossing(String orgId, long balance, long previousBalance, long lowBalanceThreshold) {}
