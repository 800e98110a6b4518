package io.docextract.server.jobs;

import io.docextract.server.storage.TestDatabase;
import java.nio.file.Path;

class SqliteJobReadStoreTest extends JobReadStoreContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.sqlite(folder);
    }
}
