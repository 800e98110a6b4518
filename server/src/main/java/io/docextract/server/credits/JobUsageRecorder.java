package io.docextract.server.credits;

import io.docextract.server.jobs.FinishedJob;
import io.docextract.server.jobs.JobCompletionListener;
import io.docextract.server.jobs.JobStatus;
import org.springframework.stereotype.Component;

/** Charges completed live jobs, inside the transaction that completes them. */
@Component
public class JobUsageRecorder implements JobCompletionListener {

    private final CreditLedger ledger;

    public JobUsageRecorder(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void jobFinished(FinishedJob job) {
        if (job.status() == JobStatus.COMPLETED && !job.testMode() && job.costCredits() > 0) {
            ledger.recordUsage(job.orgId(), job.jobId(), job.costCredits());
        }
    }
}
