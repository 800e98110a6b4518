package io.docextract.server.jobs;

import io.docextract.server.storage.TestDatabase;
import java.nio.file.Path;

class SqliteJobStoreTest extends JobStoreContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.sqlite(folder);
    }
}
