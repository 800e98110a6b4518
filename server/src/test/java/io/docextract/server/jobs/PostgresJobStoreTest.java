package io.docextract.server.jobs;

import io.docextract.server.storage.TestDatabase;
import java.nio.file.Path;

/** The same contract on a fresh PostgreSQL database (dropped after each test). */
class PostgresJobStoreTest extends JobStoreContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.postgres();
    }
}
