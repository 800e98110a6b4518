package io.docextract.server.credits;

import io.docextract.server.jobs.PendingSubmission;
import io.docextract.server.jobs.SubmissionGuard;
import org.springframework.stereotype.Component;

/**
 * Refuses submits the balance cannot cover, pricing the job as it would cost when completed. The
 * balance is not reserved: jobs already queued are charged when they complete, so a burst of
 * submits can take the balance below zero by at most their cost.
 */
@Component
public class CreditSubmissionGuard implements SubmissionGuard {

    private final CreditLedger ledger;

    public CreditSubmissionGuard(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void check(PendingSubmission submission) {
        // Pages are unknown until the document is read: price it as a single page, the cheapest it can cost.
        ledger.checkCanCover(
                submission.caller().organization(),
                submission.testMode(),
                Pricing.credits(submission.extractor().documentType(), 1));
    }
}
