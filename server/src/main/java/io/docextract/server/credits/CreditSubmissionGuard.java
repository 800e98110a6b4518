package io.docextract.server.credits;

import io.docextract.server.jobs.PendingSubmission;
import io.docextract.server.jobs.SubmissionGuard;
import org.springframework.stereotype.Component;

/**
 * Refuses live submits an enforced balance cannot cover. The page count is not known before the
 * document is read, so the job is priced at its minimum (one page of its extractor's document
 * type) and the rest is charged at completion. The balance is not reserved: jobs already queued
 * are charged when they complete, so a burst of submits can take the balance below zero by at
 * most their cost.
 */
@Component
public class CreditSubmissionGuard implements SubmissionGuard {

    private final CreditLedger ledger;

    public CreditSubmissionGuard(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void check(PendingSubmission submission) {
        ledger.checkCanCover(
                submission.caller().organization(),
                submission.testMode(),
                Pricing.credits(submission.extractor().documentType(), 1));
    }
}
