package io.docextract.server.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiKey key, String secretHash) {
        jdbc.sql("""
                INSERT INTO api_keys (id, org_id, name, secret_hash, display_hint, test_mode, scopes, created_at,
                    requests_per_minute, requests_per_hour)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        key.id(),
                        key.orgId(),
                        key.name(),
                        secretHash,
                        key.displayHint(),
                        key.testMode() ? 1 : 0,
                        key.scopes().stream().map(Scope::value).collect(Collectors.joining(" ")),
                        key.createdAt().toEpochMilli(),
                        key.requestsPerMinute(),
                        key.requestsPerHour())
                .update();
    }

    public Optional<ApiKey> findActiveByHash(String secretHash) {
        return jdbc.sql("SELECT * FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL")
                .param(secretHash)
                .query(this::map)
                .optional();
    }

    public List<ApiKey> findByOrg(String orgId) {
        return jdbc.sql("SELECT * FROM api_keys WHERE org_id = ? ORDER BY created_at")
                .param(orgId)
                .query(this::map)
                .list();
    }

    public Optional<ApiKey> find(String orgId, String keyId) {
        return jdbc.sql("SELECT * FROM api_keys WHERE id = ? AND org_id = ?")
                .params(keyId, orgId)
                .query(this::map)
                .optional();
    }

    /** @return whether a key of that organization was updated */
    public boolean updateLimits(String orgId, String keyId, Integer requestsPerMinute, Integer requestsPerHour) {
        return jdbc.sql(
                                "UPDATE api_keys SET requests_per_minute = ?, requests_per_hour = ? WHERE id = ? AND org_id = ?")
                        .params(requestsPerMinute, requestsPerHour, keyId, orgId)
                        .update()
                > 0;
    }

    /** @return whether a key of that organization was revoked */
    public boolean revoke(String orgId, String keyId, Instant at) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND org_id = ? AND revoked_at IS NULL")
                        .params(at.toEpochMilli(), keyId, orgId)
                        .update()
                > 0;
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        long revoked = rs.getLong("revoked_at");
        Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
        long used = rs.getLong("last_used_at");
        Instant lastUsedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used);
        return new ApiKey(
                rs.getString("id"),
                rs.getString("org_id"),
                rs.getString("name"),
                rs.getString("display_hint"),
                rs.getInt("test_mode") != 0,
                parseScopes(rs.getString("scopes")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                revokedAt,
                lastUsedAt,
                nullableInt(rs, "requests_per_minute"),
                nullableInt(rs, "requests_per_hour"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Set<Scope> parseScopes(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(stored.split(" "))
                .map(Scope::fromValue)
                .flatMap(Optional::stream)
                .forEach(scopes::add);
        return scopes;
    }
}
