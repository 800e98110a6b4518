package io.docextract.server.jobs;

import io.docextract.server.storage.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

class PostgresJobInsertQueueTest extends JobInsertQueueContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.postgres();
    }

    @Override
    void blockWrites(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE jobs IN EXCLUSIVE MODE");
        }
    }
}
