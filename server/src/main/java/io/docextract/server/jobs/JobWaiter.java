package io.docextract.server.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets readers wait for jobs to finish without holding a thread or a database connection each:
 * one timer checks every waited-for job in a single query every {@value #POLL_MS} ms (which also
 * sees jobs finished by other processes), and a {@link JobFinished} event from this process
 * answers at once.
 */
@Component
public class JobWaiter implements SmartLifecycle {

    static final long POLL_MS = 150;

    private static final Logger log = LoggerFactory.getLogger(JobWaiter.class);

    private final JobRepository jobs;
    private final Map<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "job-waiter");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    public JobWaiter(JobRepository jobs) {
        this.jobs = jobs;
    }

    /**
     * Completes when the job is finished (or deleted) or when the timeout passes, whichever comes
     * first; never exceptionally. The caller reads the job afterwards.
     */
    public CompletableFuture<Void> awaitFinished(String jobId, Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(done);
        timer.schedule(() -> done.complete(null), timeout.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((ignored, error) -> waiting.computeIfPresent(jobId, (id, futures) -> {
            futures.remove(done);
            return futures.isEmpty() ? null : futures;
        }));
        return done;
    }

    @EventListener
    public void on(JobFinished event) {
        release(event.jobId());
    }

    private void release(String jobId) {
        Set<CompletableFuture<Void>> futures = waiting.get(jobId);
        if (futures != null) {
            for (CompletableFuture<Void> future : List.copyOf(futures)) {
                future.complete(null);
            }
        }
    }

    private void poll() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            List<String> ids = new ArrayList<>(waiting.keySet());
            for (int from = 0; from < ids.size(); from += 500) {
                jobs.finishedOrGone(ids.subList(from, Math.min(ids.size(), from + 500)))
                        .forEach(this::release);
            }
        } catch (RuntimeException e) {
            log.warn("checking waited-for jobs failed; retrying", e);
        }
    }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        waiting.values().forEach(futures -> List.copyOf(futures).forEach(f -> f.complete(null)));
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
