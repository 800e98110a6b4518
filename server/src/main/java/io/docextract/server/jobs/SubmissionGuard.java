package io.docextract.server.jobs;

/**
 * A check every new job passes before its bytes are stored or its row is written (submit, each
 * batch item, reprocess). The credits service implements it to refuse submissions an enforced
 * balance cannot cover. Every {@code SubmissionGuard} bean is consulted, in bean order.
 *
 * <p>Contract: return normally to let the job through; throw an
 * {@link io.docextract.server.ApiException} (e.g. {@code insufficient_credits}) to refuse it.
 * Guards must not write anything the refusal would have to undo, because a later step (storage,
 * idempotency) may still reject the job.
 */
public interface SubmissionGuard {

    void check(PendingSubmission submission);
}
