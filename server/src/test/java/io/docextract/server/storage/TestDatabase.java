package io.docextract.server.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.docextract.server.DocExtractProperties;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A migrated database for store tests without a Spring context, built with the service's own data
 * source settings: a SQLite file in a folder, or a fresh PostgreSQL database on the shared local
 * server that is dropped again on close.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final String url;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final String createdPostgresDatabase;

    private TestDatabase(String url, String createdPostgresDatabase) {
        this.url = url;
        this.createdPostgresDatabase = createdPostgresDatabase;
        this.dialect = Dialect.forUrl(url);
        this.dataSource = (HikariDataSource) new DataSourceConfiguration().dataSource(properties(url), dialect);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + (dialect instanceof Dialect.Sqlite ? "sqlite" : "postgresql"))
                .load()
                .migrate();
    }

    public static TestDatabase sqlite(Path folder) {
        return new TestDatabase("jdbc:sqlite:" + folder.resolve("docextract.db"), null);
    }

    public static TestDatabase postgres() {
        String name = "docextract_jobs_" + HexFormat.of().formatHex(randomBytes());
        try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN_URL);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a PostgreSQL test database", e);
        }
        return new TestDatabase("jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres", name);
    }

    /** A database another process created and migrated (migrating again is a no-op); not dropped on close. */
    public static TestDatabase existing(String url) {
        return new TestDatabase(url, null);
    }

    /** The JDBC URL, for another process to open the same database. */
    public String url() {
        return url;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    public static DocExtractProperties properties(String url) {
        return new DocExtractProperties(
                null, null, url, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public void close() {
        dataSource.close();
        if (createdPostgresDatabase != null) {
            try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN_URL);
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + createdPostgresDatabase + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop " + createdPostgresDatabase, e);
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
