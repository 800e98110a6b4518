package io.docextract.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The statement cache on a real SQLite file, as the service opens it (WAL). */
class StatementCachingDataSourceTest {

    private static final String BY_NAME = "SELECT id FROM items WHERE name = ? ORDER BY id";

    @TempDir
    Path folder;

    private String url;
    private StatementCachingDataSource dataSource;

    @BeforeEach
    void createDatabase() throws SQLException {
        url = "jdbc:sqlite:" + folder.resolve("cache.db");
        Properties settings = new Properties();
        settings.setProperty("journal_mode", "WAL");
        dataSource =
                new StatementCachingDataSource(new SimpleDriverDataSource(DriverManager.getDriver(url), url, settings));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO items (name) VALUES ('a'), ('b'), ('a')");
        }
    }

    @Test
    void aClosedStatementIsReusedForTheSameSqlWithFreshParameters() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement first = connection.prepareStatement(BY_NAME);
            PreparedStatement firstDriverStatement = first.unwrap(PreparedStatement.class);
            first.setString(1, "a");
            assertThat(ids(first)).containsExactly(1L, 3L);
            first.close();

            PreparedStatement second = connection.prepareStatement(BY_NAME);
            assertThat(second.unwrap(PreparedStatement.class)).isSameAs(firstDriverStatement);
            assertThat(second.getConnection()).isSameAs(connection);
            // The first caller's parameter is gone: unset, it binds NULL and matches nothing.
            assertThat(ids(second)).isEmpty();
            second.setString(1, "b");
            assertThat(ids(second)).containsExactly(2L);
            second.close();
        }
    }

    @Test
    void aStatementClosedTwiceIsGivenBackOnceAndUnusableAfterItsClose() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement first = connection.prepareStatement(BY_NAME);
            first.close();
            first.close();
            assertThat(first.isClosed()).isTrue();
            assertThatThrownBy(first::executeQuery).isInstanceOf(SQLException.class);

            try (PreparedStatement second = connection.prepareStatement(BY_NAME)) {
                assertThat(second.isClosed()).isFalse();
                second.setString(1, "b");
                assertThat(ids(second)).containsExactly(2L);
            }
        }
    }

    @Test
    void twoOpenStatementsOfOneSqlAreNotShared() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement outer = connection.prepareStatement(BY_NAME);
                PreparedStatement inner = connection.prepareStatement(BY_NAME)) {
            assertThat(inner.unwrap(PreparedStatement.class)).isNotSameAs(outer.unwrap(PreparedStatement.class));
            outer.setString(1, "a");
            inner.setString(1, "b");
            try (ResultSet rows = outer.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(ids(inner)).containsExactly(2L);
                assertThat(rows.getLong(1)).isEqualTo(1L);
            }
        }
    }

    @Test
    void aStatementWhoseLimitsWereChangedIsNotReused() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement limited = connection.prepareStatement(BY_NAME);
            PreparedStatement driverStatement = limited.unwrap(PreparedStatement.class);
            limited.setMaxRows(1);
            limited.close();
            assertThat(driverStatement.isClosed()).isTrue();

            try (PreparedStatement next = connection.prepareStatement(BY_NAME)) {
                next.setString(1, "a");
                assertThat(ids(next)).containsExactly(1L, 3L);
            }
        }
    }

    @Test
    void resultsLeftOpenByTheCallerDoNotHoldTheDatabase() throws SQLException {
        try (Connection reader = dataSource.getConnection();
                Connection writer = DriverManager.getConnection(url)) {
            PreparedStatement query = reader.prepareStatement(BY_NAME);
            query.setString(1, "a");
            ResultSet rows = query.executeQuery();
            assertThat(rows.next()).isTrue();
            query.close(); // rows not closed: JDBC closes them with their statement

            try (Statement write = writer.createStatement()) {
                write.execute("INSERT INTO items (name) VALUES ('c')");
                // A reader still inside its read would keep the checkpoint from truncating the log.
                try (ResultSet checkpoint = write.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    assertThat(checkpoint.next()).isTrue();
                    assertThat(checkpoint.getInt(1)).as("checkpoint busy").isZero();
                }
            }
            try (PreparedStatement again = reader.prepareStatement(BY_NAME)) {
                again.setString(1, "c");
                assertThat(ids(again)).containsExactly(4L);
            }
        }
    }

    @Test
    void closingTheConnectionClosesItsKeptStatements() throws SQLException {
        Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(BY_NAME);
        PreparedStatement driverStatement = statement.unwrap(PreparedStatement.class);
        statement.close();
        assertThat(driverStatement.isClosed()).isFalse();

        connection.close();

        assertThat(driverStatement.isClosed()).isTrue();
    }

    private static List<Long> ids(PreparedStatement statement) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
