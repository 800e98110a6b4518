package io.docextract.server.jobs;

import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The in-process workers: one dispatcher claims a job whenever a worker is free and hands it to
 * the worker threads; a scheduler renews leases and reaps expired ones. Stopping stops claiming,
 * lets running jobs finish within the shutdown timeout, then hands the rest back to the queue.
 */
public class WorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration CLAIM_FAILURE_BACKOFF = Duration.ofSeconds(5);

    private final JobClaimer claimer;
    private final JobRunner.Factory runners;
    private final JobLeaseRepository jobs;
    private final JobCompleter completer;
    private final JobSettings settings;
    private final InstantSource clock;
    private final JobMetrics metrics;
    private final QueueSignal signal;
    private final String workerId;
    private final int size;

    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final Semaphore freeWorkers;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean claiming;
    private volatile boolean started;
    private Thread dispatcher;
    private ExecutorService workerThreads;
    private ExecutorService extractionThreads;
    private ScheduledExecutorService leaseThread;

    public WorkerPool(
            JobClaimer claimer,
            JobRunner.Factory runners,
            JobLeaseRepository jobs,
            JobCompleter completer,
            JobSettings settings,
            InstantSource clock,
            JobMetrics metrics,
            QueueSignal signal,
            String workerId,
            int size) {
        this.claimer = claimer;
        this.runners = runners;
        this.jobs = jobs;
        this.completer = completer;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.signal = signal;
        this.workerId = workerId;
        this.size = size;
        this.freeWorkers = new Semaphore(size);
        // Gauges hold their state weakly; the pool lives as long as the process.
        Gauge.builder("docextract.workers.busy", this, pool -> pool.busy.get())
                .description("Workers running a job")
                .register(metrics.registry());
        Gauge.builder("docextract.workers.size", this, pool -> pool.size)
                .description("Workers in this process")
                .register(metrics.registry());
    }

    public String workerId() {
        return workerId;
    }

    /** Jobs this process is running now. */
    public Collection<RunningJob> running() {
        return List.copyOf(running.values());
    }

    /** Looks for work now instead of at the next poll. */
    public void wake() {
        signal.wake();
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        if (size == 0) {
            // API-only process: nothing to run, but the lifecycle stays consistent.
            return;
        }
        started = true;
        claiming = true;
        workerThreads = Executors.newFixedThreadPool(
                size, Thread.ofPlatform().name("job-worker-", 1).factory());
        extractionThreads = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("extraction-", 1).daemon(true).factory());
        leaseThread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("job-leases").daemon(true).factory());
        JobRunner runner = runners.create(extractionThreads);
        LeaseHeartbeat heartbeat = new LeaseHeartbeat(jobs, this::running, clock, settings.lease(), metrics);
        LeaseReaper reaper = new LeaseReaper(jobs, completer, clock, signal);
        long beat = settings.heartbeat().toMillis();
        leaseThread.scheduleAtFixedRate(heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        long reap = settings.reapInterval().toMillis();
        leaseThread.scheduleWithFixedDelay(reaper, 0, reap, TimeUnit.MILLISECONDS);
        dispatcher = Thread.ofPlatform().name("job-dispatcher").start(() -> dispatch(runner));
        log.info(
                "{} workers started as {} (lease {}, max attempts {}, timeout {})",
                size,
                workerId,
                settings.lease(),
                settings.maxAttempts(),
                settings.timeout());
    }

    private void dispatch(JobRunner runner) {
        Duration pollInterval = settings.pollInterval();
        while (claiming) {
            // Polls the flag rather than being interrupted: an interrupt could land inside a claim.
            try {
                while (!freeWorkers.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    if (!claiming) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
            Optional<ClaimedJob> claimed = Optional.empty();
            while (claiming && claimed.isEmpty()) {
                Duration wait = pollInterval;
                try {
                    claimed = claimer.claim(workerId);
                } catch (RuntimeException e) {
                    // The database is unreachable or locked: back off instead of logging every poll.
                    log.warn("claiming a job failed: {}", e.toString());
                    wait = CLAIM_FAILURE_BACKOFF;
                }
                if (claimed.isEmpty() && claiming) {
                    try {
                        signal.await(wait);
                    } catch (InterruptedException e) {
                        break;
                    }
                }
            }
            if (claimed.isEmpty()) {
                freeWorkers.release();
                return;
            }
            RunningJob job = new RunningJob(claimed.get());
            running.put(job.job().id(), job);
            busy.incrementAndGet();
            workerThreads.execute(() -> {
                try {
                    runner.run(job);
                } catch (RuntimeException e) {
                    // Writing the outcome failed (database down): the lease expires and the reaper
                    // hands the job to another attempt.
                    log.error(
                            "job {} attempt ended without an outcome", job.job().id(), e);
                } finally {
                    running.remove(job.job().id());
                    busy.decrementAndGet();
                    freeWorkers.release();
                }
            });
        }
    }

    @Override
    public void stop() {
        CountDownLatch done = new CountDownLatch(1);
        stop(done::countDown);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop(Runnable callback) {
        Thread.ofPlatform().name("job-shutdown").start(() -> {
            try {
                shutdown();
            } finally {
                callback.run();
            }
        });
    }

    private synchronized void shutdown() {
        if (!started) {
            return;
        }
        claiming = false;
        signal.wake();
        join(dispatcher);
        try {
            if (!freeWorkers.tryAcquire(size, settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                Collection<RunningJob> left = running();
                log.info("shutdown timeout reached; releasing {} running job(s)", left.size());
                left.forEach(RunningJob::release);
                // Released attempts only write one row each; stay inside Spring's shutdown phase
                // budget so the data source is still open for those writes.
                if (freeWorkers.tryAcquire(size, 4, TimeUnit.SECONDS)) {
                    freeWorkers.release(size);
                }
            } else {
                freeWorkers.release(size);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workerThreads.shutdownNow();
        extractionThreads.shutdownNow();
        leaseThread.shutdownNow();
        started = false;
        log.info("workers stopped");
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
