package io.docextract.server.jobs;

import io.docextract.server.storage.TestDatabase;
import java.nio.file.Path;

/** The same contract on a fresh PostgreSQL database (dropped afterwards). */
class PostgresJobReadStoreTest extends JobReadStoreContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.postgres();
    }
}
