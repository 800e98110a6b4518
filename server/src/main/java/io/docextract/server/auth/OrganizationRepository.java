package io.docextract.server.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

    private final JdbcClient jdbc;

    public OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Organization org) {
        jdbc.sql("""
                INSERT INTO organizations (id, name, plan, retention_days, credits_enforced,
                    requests_per_minute, requests_per_hour, max_concurrent_jobs, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        org.id(),
                        org.name(),
                        org.plan().value(),
                        org.retentionDays(),
                        org.creditsEnforced() ? 1 : 0,
                        org.requestsPerMinute(),
                        org.requestsPerHour(),
                        org.maxConcurrentJobs(),
                        org.createdAt().toEpochMilli())
                .update();
        jdbc.sql("INSERT INTO credit_accounts (org_id) VALUES (?)")
                .param(org.id())
                .update();
    }

    public void update(Organization org) {
        jdbc.sql("""
                UPDATE organizations SET name = ?, plan = ?, retention_days = ?, credits_enforced = ?,
                    requests_per_minute = ?, requests_per_hour = ?, max_concurrent_jobs = ?
                WHERE id = ?""")
                .params(
                        org.name(),
                        org.plan().value(),
                        org.retentionDays(),
                        org.creditsEnforced() ? 1 : 0,
                        org.requestsPerMinute(),
                        org.requestsPerHour(),
                        org.maxConcurrentJobs(),
                        org.id())
                .update();
    }

    public Optional<Organization> find(String id) {
        return jdbc.sql("SELECT * FROM organizations WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public List<Organization> findAll() {
        return jdbc.sql("SELECT * FROM organizations ORDER BY created_at")
                .query(this::map)
                .list();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM organizations").query(Long.class).single() == 0;
    }

    private Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(
                rs.getString("id"),
                rs.getString("name"),
                Plan.fromValue(rs.getString("plan")).orElse(Plan.SELF_HOSTED),
                rs.getInt("retention_days"),
                rs.getInt("credits_enforced") != 0,
                nullableInt(rs, "requests_per_minute"),
                nullableInt(rs, "requests_per_hour"),
                nullableInt(rs, "max_concurrent_jobs"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
