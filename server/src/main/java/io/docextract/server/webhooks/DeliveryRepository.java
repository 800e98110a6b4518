package io.docextract.server.webhooks;

import io.docextract.server.storage.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Events and their deliveries. Claims work like job claims: a lease ({@code locked_by},
 * {@code lease_expires_at}) that a crashed process loses when it expires, and every later write
 * proves ownership in its {@code WHERE}.
 */
@Repository
public class DeliveryRepository {

    private static final String SELECT_DELIVERY = """
            SELECT d.*, e.type AS event_type FROM webhook_deliveries d
            JOIN events e ON e.id = d.event_id JOIN webhooks w ON w.id = d.webhook_id""";

    private final JdbcClient jdbc;
    private final Dialect dialect;

    public DeliveryRepository(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    public void insertEvent(
            String id, String orgId, EventType type, boolean testMode, String payload, Instant createdAt) {
        jdbc.sql("INSERT INTO events (id, org_id, type, test_mode, payload, created_at) VALUES (?, ?, ?, ?, "
                        + dialect.jsonParameter() + ", ?)")
                .params(id, orgId, type.value(), testMode ? 1 : 0, payload, createdAt.toEpochMilli())
                .update();
    }

    /**
     * Deletes the organization's events created before {@code cutoff} with their finished
     * deliveries. An event with a delivery still pending stays until that delivery ends (at most
     * the retry schedule later); answers the number of events deleted.
     */
    public int deleteFinishedEventsBefore(String orgId, Instant cutoff) {
        long before = cutoff.toEpochMilli();
        jdbc.sql("""
                DELETE FROM webhook_deliveries WHERE status <> 'pending'
                AND event_id IN (SELECT id FROM events WHERE org_id = ? AND created_at < ?)""").params(orgId, before).update();
        return jdbc.sql("""
                DELETE FROM events WHERE org_id = ? AND created_at < ?
                AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = events.id)""").params(orgId, before).update();
    }

    public void insertDelivery(String id, String webhookId, String eventId, Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_deliveries (id, webhook_id, event_id, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'pending', 0, ?, ?)""")
                .params(id, webhookId, eventId, now.toEpochMilli(), now.toEpochMilli())
                .update();
    }

    /** Whether anything is due, a read that spares SQLite a write lock on every idle poll. */
    public boolean anyDue(Instant now) {
        return !jdbc.sql("SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?"
                        + " AND (lease_expires_at IS NULL OR lease_expires_at < ?) LIMIT 1")
                .params(now.toEpochMilli(), now.toEpochMilli())
                .query(String.class)
                .list()
                .isEmpty();
    }

    /** Takes the lease on up to {@code limit} due deliveries, oldest due first. */
    public List<ClaimedDelivery> claimDue(Instant now, String worker, Instant leaseUntil, int limit) {
        long at = now.toEpochMilli();
        String due =
                "status = 'pending' AND next_attempt_at <= ? AND (lease_expires_at IS NULL OR lease_expires_at < ?)";
        List<String> ids = jdbc.sql("UPDATE webhook_deliveries SET locked_by = ?, lease_expires_at = ?"
                        + " WHERE id IN (SELECT id FROM webhook_deliveries WHERE " + due
                        + " ORDER BY next_attempt_at LIMIT ?"
                        + (dialect.supportsSkipLocked() ? " FOR UPDATE SKIP LOCKED" : "")
                        + ") AND " + due + " RETURNING id")
                .params(worker, leaseUntil.toEpochMilli(), at, at, limit, at, at)
                .query(String.class)
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return jdbc.sql("""
                        SELECT d.id, d.attempts, w.url, w.secret, w.is_active, e.id AS event_id, e.payload
                        FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN events e ON e.id = d.event_id
                        WHERE d.locked_by = ? AND d.id IN (""" + placeholders + ")")
                .param(worker)
                .params(ids.toArray())
                .query((rs, row) -> new ClaimedDelivery(
                        rs.getString("id"),
                        rs.getInt("attempts"),
                        rs.getString("url"),
                        rs.getString("secret"),
                        rs.getInt("is_active") != 0,
                        rs.getString("event_id"),
                        rs.getString("payload")))
                .list();
    }

    /** Records an attempt and releases the lease; false when the lease was lost meanwhile. */
    public boolean recordAttempt(
            String id,
            String worker,
            DeliveryStatus status,
            int attempts,
            Instant nextAttemptAt,
            Integer statusCode,
            String error,
            Instant completedAt) {
        return jdbc.sql("""
                        UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?,
                            last_error = ?, completed_at = ?, locked_by = NULL, lease_expires_at = NULL
                        WHERE id = ? AND locked_by = ?""")
                        .params(
                                status.value(),
                                attempts,
                                nextAttemptAt == null ? null : nextAttemptAt.toEpochMilli(),
                                statusCode,
                                error,
                                completedAt == null ? null : completedAt.toEpochMilli(),
                                id,
                                worker)
                        .update()
                > 0;
    }

    /**
     * Makes a delivery due now again, whatever its state. If a process is sending it at this
     * moment, that attempt's outcome stands (a success needs no retry; a failure is retried).
     */
    public void requeue(String id, Instant now) {
        jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?, completed_at = NULL
                WHERE id = ?""").params(now.toEpochMilli(), id).update();
    }

    /** A delivery of an endpoint of the organization in that mode. */
    public Optional<Delivery> find(String orgId, boolean testMode, String id) {
        return jdbc.sql(SELECT_DELIVERY + " WHERE d.id = ? AND w.org_id = ? AND w.test_mode = ?")
                .params(id, orgId, testMode ? 1 : 0)
                .query(this::map)
                .optional();
    }

    public List<Delivery> listForWebhook(String webhookId, DeliveryStatus status, int limit, int offset) {
        return jdbc.sql(SELECT_DELIVERY + " WHERE d.webhook_id = ?" + (status == null ? "" : " AND d.status = ?")
                        + " ORDER BY d.created_at DESC, d.id DESC LIMIT ? OFFSET ?")
                .params(
                        status == null
                                ? new Object[] {webhookId, limit, offset}
                                : new Object[] {webhookId, status.value(), limit, offset})
                .query(this::map)
                .list();
    }

    public long countForWebhook(String webhookId, DeliveryStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ?"
                        + (status == null ? "" : " AND status = ?"))
                .params(status == null ? new Object[] {webhookId} : new Object[] {webhookId, status.value()})
                .query(Long.class)
                .single();
    }

    private Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getString("id"),
                rs.getString("webhook_id"),
                rs.getString("event_id"),
                EventType.fromValue(rs.getString("event_type")).orElse(EventType.WEBHOOK_TEST),
                DeliveryStatus.fromValue(rs.getString("status")).orElseThrow(),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                integer(rs, "last_status_code"),
                rs.getString("last_error"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
