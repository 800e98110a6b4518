package io.docextract.server.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the next job for a worker: fair across organizations, within each organization's
 * concurrency limit, with a lease that the worker must keep renewing.
 */
public class JobClaimer {

    private final JobLeaseRepository jobs;
    private final TransactionTemplate transactions;
    private final InstantSource clock;
    private final Duration lease;

    public JobClaimer(JobLeaseRepository jobs, TransactionTemplate transactions, InstantSource clock, Duration lease) {
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = lease;
    }

    /** The claimed job, or empty when no job is due or every organization with work is at its limit. */
    public Optional<ClaimedJob> claim(String workerId) {
        Instant now = clock.instant();
        Optional<ClaimedJob> claimed = transactions.execute(status -> jobs.claim(workerId, now, now.plus(lease)));
        return claimed == null ? Optional.empty() : claimed;
    }
}
