package io.docextract.server.credits;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One ledger entry. {@code amount} is the signed change to the balance (usage is negative);
 * {@code pricePaid} is set on purchases only.
 */
public record CreditTransaction(
        String id,
        String orgId,
        TransactionType type,
        long amount,
        long balanceAfter,
        String jobId,
        String description,
        BigDecimal pricePaid,
        Instant createdAt) {}
