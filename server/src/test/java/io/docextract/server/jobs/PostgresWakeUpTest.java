package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.auth.Plan;
import io.docextract.server.storage.DatabaseNotifications;
import io.docextract.server.storage.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On PostgreSQL an idle worker starts a new job at once (NOTIFY), not at its next poll. */
class PostgresWakeUpTest {

    @Test
    void aQueuedJobWakesAnIdleWorkerInAnotherProcessThroughNotify() {
        JobSettings slowPolling = new JobSettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5), // polling alone would take minutes
                3,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        try (TestDatabase database = TestDatabase.postgres()) {
            JobRows rows = new JobRows(database.jdbc());
            String org = rows.organization(Plan.SELF_HOSTED, null);
            String extractor = rows.extractor(org, "invoice", JobRows.INVOICE_FIELDS);
            QueueSignal signal = new QueueSignal();
            DatabaseNotifications notifications = new DatabaseNotifications(database.dataSource(), database.dialect());
            notifications.subscribe(JobRunnerConfiguration.JOBS_CHANNEL, signal::wake);
            TestWorkers workers = TestWorkers.create(
                    database,
                    new ScriptedEngine(),
                    key -> "sleep 10".getBytes(StandardCharsets.UTF_8),
                    slowPolling,
                    1,
                    List.of(),
                    signal);
            workers.pool().start();
            notifications.start();
            try {
                // Let the dispatcher find the queue empty and go to sleep for its long poll.
                sleep(Duration.ofSeconds(2));
                long submitted = System.nanoTime();
                String job = rows.job(org, extractor, Instant.now());

                WorkerPoolTest.await(
                        Duration.ofSeconds(30), () -> rows.status(job).equals("completed"));
                long tookMs = (System.nanoTime() - submitted) / 1_000_000;
                assertThat(tookMs).isLessThan(10_000);
            } finally {
                notifications.stop();
                workers.pool().stop();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
