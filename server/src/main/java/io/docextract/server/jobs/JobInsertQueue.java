package io.docextract.server.jobs;

import io.docextract.server.extractors.ExtractorRepository;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts new jobs, committing concurrent submits together (group commit). Each submit queues
 * its job and then takes the committer lock; whoever holds it writes every queued job in one
 * transaction, so a burst of N submits costs one transaction, not N. Every caller returns only
 * after the transaction holding its job has committed, so an acknowledged submit is never lost.
 *
 * <p>Why: SQLite has one writer at a time, and a commit writes every page the transaction
 * touched (the jobs table, its indexes, the metadata rows, the extractor's usage count), so one
 * transaction per submit spends most of its time writing the same pages again. PostgreSQL takes
 * the same path; it keeps the code one and saves it a commit per submit too.
 *
 * <p>A group that fails is written again one job at a time, so one bad insert fails only its
 * own submit.
 */
@Component
public class JobInsertQueue {

    /** Bounds a transaction's length (and so the wait of the jobs queued behind it). */
    static final int MAX_GROUP = 64;

    private final JobRepository jobs;
    private final IdempotencyRepository idempotency;
    private final ExtractorRepository extractors;
    private final TransactionTemplate transactions;
    private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();
    private final Lock committer = new ReentrantLock();
    private final DistributionSummary groupSizes;

    public JobInsertQueue(
            JobRepository jobs,
            IdempotencyRepository idempotency,
            ExtractorRepository extractors,
            TransactionTemplate transactions,
            MeterRegistry meters) {
        this.jobs = jobs;
        this.idempotency = idempotency;
        this.extractors = extractors;
        this.transactions = transactions;
        // docextract_jobs_insert_group_jobs: how many submits each commit carried.
        this.groupSizes = DistributionSummary.builder("docextract.jobs.insert.group")
                .description("Submitted jobs written per transaction")
                .baseUnit("jobs")
                .register(meters);
    }

    /**
     * The idempotency key a job claims in the transaction that inserts it.
     *
     * @param expiredBefore entries created before this no longer hold the key
     */
    public record IdempotencyClaim(String key, String requestHash, Instant expiredBefore) {}

    /**
     * Inserts the queued job and counts it against its extractor; returns once committed.
     *
     * @param claim the idempotency key to claim first, or null
     * @return false, with nothing inserted, when a live entry already holds the key
     */
    public boolean insert(Job job, IdempotencyClaim claim) {
        Pending pending = new Pending(job, claim);
        queued.add(pending);
        committer.lock();
        try {
            // A group is capped, so the one this thread commits may not reach its own job yet.
            while (!pending.done) {
                commit(drain());
            }
        } finally {
            committer.unlock();
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
        return pending.inserted;
    }

    private List<Pending> drain() {
        List<Pending> group = new ArrayList<>();
        Pending next;
        while (group.size() < MAX_GROUP && (next = queued.poll()) != null) {
            group.add(next);
        }
        return group;
    }

    private void commit(List<Pending> group) {
        try {
            boolean[] inserted = new boolean[group.size()];
            transactions.executeWithoutResult(status -> write(group, inserted));
            groupSizes.record(group.size());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).finish(inserted[i], null);
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.getFirst().finish(false, e);
            } else {
                group.forEach(pending -> commit(List.of(pending)));
            }
        }
    }

    private void write(List<Pending> group, boolean[] inserted) {
        List<Job> admitted = new ArrayList<>(group.size());
        // Sorted, so that processes sharing a PostgreSQL database lock extractor rows in one order.
        Map<String, Integer> usage = new TreeMap<>();
        for (int i = 0; i < group.size(); i++) {
            Job job = group.get(i).job;
            IdempotencyClaim claim = group.get(i).claim;
            inserted[i] = claim == null
                    || idempotency.claim(
                            job.orgId(),
                            job.testMode(),
                            claim.key(),
                            claim.requestHash(),
                            job.id(),
                            job.createdAt(),
                            claim.expiredBefore());
            if (inserted[i]) {
                admitted.add(job);
                usage.merge(job.extractorId(), 1, Integer::sum);
            }
        }
        jobs.insertAll(admitted);
        usage.forEach(extractors::incrementUsage);
    }

    /** A job waiting for its commit; written and read under the committer lock. */
    private static final class Pending {
        final Job job;
        final IdempotencyClaim claim;
        boolean done;
        boolean inserted;
        RuntimeException failure;

        Pending(Job job, IdempotencyClaim claim) {
            this.job = job;
            this.claim = claim;
        }

        void finish(boolean inserted, RuntimeException failure) {
            this.inserted = inserted;
            this.failure = failure;
            this.done = true;
        }
    }
}
