package io.docextract.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.credits.CreditRepository;
import io.docextract.server.ratelimit.RateLimitWindows;
import io.docextract.server.storage.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's SQL on the real PostgreSQL (a database of its own, dropped afterwards): the
 * counter upsert, credit updates with RETURNING, JSONB columns and the SKIP LOCKED claim.
 */
class PlatformStorePostgresTest {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String DATABASE = "docextract_platform_" + Long.toHexString(System.nanoTime());
    private static JdbcClient jdbc;

    @BeforeAll
    static void createDatabase() throws SQLException {
        execute("CREATE DATABASE " + DATABASE);
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL("jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "?stringtype=unspecified");
        source.setUser("postgres");
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        jdbc = JdbcClient.create(source);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void countersUpsertAndPurge() {
        RateLimitWindows windows = new RateLimitWindows(jdbc);
        Map<String, Long> starts = Map.of("org:a:m", 60_000L, "org:a:h", 0L);
        assertThat(windows.increment(starts)).isEqualTo(Map.of("org:a:m", 1L, "org:a:h", 1L));
        assertThat(windows.increment(starts)).isEqualTo(Map.of("org:a:m", 2L, "org:a:h", 2L));
        windows.decrement(starts);
        assertThat(windows.increment(Map.of("org:a:m", 60_000L))).isEqualTo(Map.of("org:a:m", 2L));
        assertThat(windows.deleteStartedBefore(60_000L)).isEqualTo(1);
    }

    @Test
    void creditsAndDeliveries() {
        jdbc.sql("INSERT INTO organizations (id, name, created_at) VALUES ('org_pg', 'pg', 0)")
                .update();
        jdbc.sql("INSERT INTO credit_accounts (org_id) VALUES ('org_pg')").update();
        CreditRepository credits = new CreditRepository(jdbc);
        assertThat(credits.apply("org_pg", 10, 10, 0).orElseThrow().balance()).isEqualTo(10);
        assertThat(credits.apply("org_pg", -3, 0, 3).orElseThrow().totalUsed()).isEqualTo(3);

        Dialect dialect = new Dialect.Postgres();
        WebhookRepository webhooks =
                new WebhookRepository(jdbc, dialect, JsonMapper.builder().build());
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        Webhook webhook = new Webhook(
                "whk_pg",
                "org_pg",
                "http://127.0.0.1:9/hook",
                List.of(EventType.JOB_COMPLETED),
                null,
                "whsec_x",
                true,
                false,
                now,
                now);
        webhooks.insert(webhook);
        assertThat(webhooks.active("org_pg", false))
                .extracting(Webhook::events)
                .containsExactly(List.of(EventType.JOB_COMPLETED));

        DeliveryRepository deliveries = new DeliveryRepository(jdbc, dialect);
        deliveries.insertEvent("evt_pg", "org_pg", EventType.JOB_COMPLETED, false, "{\"id\": \"evt_pg\"}", now);
        deliveries.insertDelivery("dlv_pg", "whk_pg", "evt_pg", now);
        assertThat(deliveries.anyDue(now)).isTrue();
        List<ClaimedDelivery> claimed = deliveries.claimDue(now, "w1", now.plusSeconds(60), 10);
        assertThat(claimed).extracting(ClaimedDelivery::id).containsExactly("dlv_pg");
        assertThat(claimed.getFirst().payload()).contains("evt_pg");
        assertThat(deliveries.claimDue(now, "w2", now.plusSeconds(60), 10)).isEmpty();
        assertThat(deliveries.recordAttempt("dlv_pg", "w2", DeliveryStatus.SUCCEEDED, 1, null, 200, null, now))
                .isFalse();
        assertThat(deliveries.recordAttempt("dlv_pg", "w1", DeliveryStatus.SUCCEEDED, 1, null, 200, null, now))
                .isTrue();
        assertThat(deliveries.find("org_pg", false, "dlv_pg").orElseThrow().status())
                .isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(webhooks.delete("org_pg", false, "whk_pg")).isTrue();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
