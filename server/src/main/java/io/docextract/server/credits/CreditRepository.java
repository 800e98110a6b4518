package io.docextract.server.credits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CreditRepository {

    private final JdbcClient jdbc;

    public CreditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CreditAccount> account(String orgId) {
        return jdbc.sql("SELECT * FROM credit_accounts WHERE org_id = ?")
                .param(orgId)
                .query(CreditRepository::mapAccount)
                .optional();
    }

    /**
     * Changes the balance and totals in one atomic statement.
     *
     * @return the account after the change, or empty when the organization has no account
     */
    public Optional<CreditAccount> apply(String orgId, long balanceChange, long purchasedChange, long usedChange) {
        return jdbc.sql("""
                        UPDATE credit_accounts SET balance = balance + ?, total_purchased = total_purchased + ?,
                            total_used = total_used + ?
                        WHERE org_id = ? RETURNING *""")
                .params(balanceChange, purchasedChange, usedChange, orgId)
                .query(CreditRepository::mapAccount)
                .optional();
    }

    private static CreditAccount mapAccount(ResultSet rs, int row) throws SQLException {
        return new CreditAccount(
                rs.getString("org_id"),
                rs.getLong("balance"),
                rs.getLong("total_purchased"),
                rs.getLong("total_used"),
                rs.getLong("low_balance_threshold"));
    }

    public boolean setLowBalanceThreshold(String orgId, long threshold) {
        return jdbc.sql("UPDATE credit_accounts SET low_balance_threshold = ? WHERE org_id = ?")
                        .params(threshold, orgId)
                        .update()
                > 0;
    }

    public void insert(CreditTransaction transaction) {
        jdbc.sql("""
                INSERT INTO credit_transactions (id, org_id, type, amount, balance_after, job_id, description,
                    price_paid, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        transaction.id(),
                        transaction.orgId(),
                        transaction.type().value(),
                        transaction.amount(),
                        transaction.balanceAfter(),
                        transaction.jobId(),
                        transaction.description(),
                        transaction.pricePaid() == null
                                ? null
                                : transaction.pricePaid().toPlainString(),
                        transaction.createdAt().toEpochMilli())
                .update();
    }

    /** Newest first. */
    public List<CreditTransaction> list(String orgId, int limit, int offset) {
        return jdbc.sql("SELECT * FROM credit_transactions WHERE org_id = ? ORDER BY created_at DESC, id DESC"
                        + " LIMIT ? OFFSET ?")
                .params(orgId, limit, offset)
                .query(this::map)
                .list();
    }

    public long count(String orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM credit_transactions WHERE org_id = ?")
                .param(orgId)
                .query(Long.class)
                .single();
    }

    public Optional<CreditTransaction> lastPurchase(String orgId) {
        return jdbc.sql("SELECT * FROM credit_transactions WHERE org_id = ? AND type = 'purchase'"
                        + " ORDER BY created_at DESC, id DESC LIMIT 1")
                .param(orgId)
                .query(this::map)
                .optional();
    }

    public Optional<CreditTransaction> usageOf(String orgId, String jobId) {
        return jdbc.sql("SELECT * FROM credit_transactions WHERE org_id = ? AND job_id = ? AND type = 'usage'")
                .params(orgId, jobId)
                .query(this::map)
                .optional();
    }

    private CreditTransaction map(ResultSet rs, int row) throws SQLException {
        String price = rs.getString("price_paid");
        return new CreditTransaction(
                rs.getString("id"),
                rs.getString("org_id"),
                TransactionType.fromValue(rs.getString("type")).orElseThrow(),
                rs.getLong("amount"),
                rs.getLong("balance_after"),
                rs.getString("job_id"),
                rs.getString("description"),
                price == null ? null : new BigDecimal(price),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
