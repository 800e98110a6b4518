package io.docextract.server.webhooks;

import io.docextract.server.storage.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class WebhookRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final JsonMapper json;

    public WebhookRepository(JdbcClient jdbc, Dialect dialect, JsonMapper json) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.json = json;
    }

    public void insert(Webhook webhook) {
        jdbc.sql("INSERT INTO webhooks (id, org_id, url, events, description, secret, is_active, test_mode,"
                        + " created_at, updated_at) VALUES (?, ?, ?, " + dialect.jsonParameter()
                        + ", ?, ?, ?, ?, ?, ?)")
                .params(
                        webhook.id(),
                        webhook.orgId(),
                        webhook.url(),
                        eventsJson(webhook.events()),
                        webhook.description(),
                        webhook.secret(),
                        webhook.active() ? 1 : 0,
                        webhook.testMode() ? 1 : 0,
                        webhook.createdAt().toEpochMilli(),
                        webhook.updatedAt().toEpochMilli())
                .update();
    }

    public void update(Webhook webhook) {
        jdbc.sql("UPDATE webhooks SET url = ?, events = " + dialect.jsonParameter()
                        + ", description = ?, is_active = ?, updated_at = ? WHERE id = ? AND org_id = ?")
                .params(
                        webhook.url(),
                        eventsJson(webhook.events()),
                        webhook.description(),
                        webhook.active() ? 1 : 0,
                        webhook.updatedAt().toEpochMilli(),
                        webhook.id(),
                        webhook.orgId())
                .update();
    }

    public Optional<Webhook> find(String orgId, boolean testMode, String id) {
        return jdbc.sql("SELECT * FROM webhooks WHERE id = ? AND org_id = ? AND test_mode = ?")
                .params(id, orgId, testMode ? 1 : 0)
                .query(this::map)
                .optional();
    }

    public List<Webhook> list(String orgId, boolean testMode, int limit, int offset) {
        return jdbc.sql(
                        "SELECT * FROM webhooks WHERE org_id = ? AND test_mode = ? ORDER BY created_at, id LIMIT ? OFFSET ?")
                .params(orgId, testMode ? 1 : 0, limit, offset)
                .query(this::map)
                .list();
    }

    public long count(String orgId, boolean testMode) {
        return jdbc.sql("SELECT COUNT(*) FROM webhooks WHERE org_id = ? AND test_mode = ?")
                .params(orgId, testMode ? 1 : 0)
                .query(Long.class)
                .single();
    }

    /** The endpoints that may receive an event of the organization in that mode. */
    public List<Webhook> active(String orgId, boolean testMode) {
        return jdbc.sql("SELECT * FROM webhooks WHERE org_id = ? AND test_mode = ? AND is_active = 1")
                .params(orgId, testMode ? 1 : 0)
                .query(this::map)
                .list();
    }

    /** Deletes the endpoint and its delivery log. */
    public boolean delete(String orgId, boolean testMode, String id) {
        jdbc.sql("DELETE FROM webhook_deliveries WHERE webhook_id IN"
                        + " (SELECT id FROM webhooks WHERE id = ? AND org_id = ? AND test_mode = ?)")
                .params(id, orgId, testMode ? 1 : 0)
                .update();
        return jdbc.sql("DELETE FROM webhooks WHERE id = ? AND org_id = ? AND test_mode = ?")
                        .params(id, orgId, testMode ? 1 : 0)
                        .update()
                > 0;
    }

    private String eventsJson(List<EventType> events) {
        return json.writeValueAsString(events.stream().map(EventType::value).toList());
    }

    private Webhook map(ResultSet rs, int row) throws SQLException {
        List<EventType> events = json.readValue(rs.getString("events"), STRINGS).stream()
                .map(EventType::fromValue)
                .flatMap(Optional::stream)
                .toList();
        return new Webhook(
                rs.getString("id"),
                rs.getString("org_id"),
                rs.getString("url"),
                events,
                rs.getString("description"),
                rs.getString("secret"),
                rs.getInt("is_active") != 0,
                rs.getInt("test_mode") != 0,
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
