package io.docextract.server.jobs;

import io.docextract.server.storage.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

class SqliteJobInsertQueueTest extends JobInsertQueueContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.sqlite(folder);
    }

    @Override
    void blockWrites(Connection connection) throws SQLException {
        // The service's connections begin IMMEDIATE transactions: this one now holds the write lock.
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM jobs WHERE id = 'none'");
        }
    }
}
