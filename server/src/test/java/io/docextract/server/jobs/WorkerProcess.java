package io.docextract.server.jobs;

import io.docextract.engine.DefaultExtractionEngine;
import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionEngine;
import io.docextract.server.storage.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A second worker process for the crash tests: runs a worker pool on the given database whose
 * extractions take a long time (the real engine behind a delay), so that the test can kill it
 * with SIGKILL while it holds a job. Arguments: JDBC URL, blob folder.
 */
public final class WorkerProcess {

    static final JobSettings SETTINGS = new JobSettings(
            Duration.ofSeconds(3),
            Duration.ofMillis(500),
            Duration.ofMillis(500),
            Duration.ofMillis(100),
            3,
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            Duration.ofMinutes(5),
            Duration.ofSeconds(2));

    private WorkerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        TestDatabase database = TestDatabase.existing(args[0]);
        Path blobs = Path.of(args[1]);
        ExtractionEngine real = DefaultExtractionEngine.create(EngineOptions.defaults());
        ExtractionEngine slow = (document, extractor) -> {
            try {
                Thread.sleep(Duration.ofMinutes(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.extract(document, extractor);
        };
        TestWorkers workers =
                TestWorkers.create(database, slow, key -> read(blobs.resolve(key)), SETTINGS, 1, List.of());
        workers.pool().start();
        System.out.println("worker started as " + workers.pool().workerId());
        Thread.currentThread().join();
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
