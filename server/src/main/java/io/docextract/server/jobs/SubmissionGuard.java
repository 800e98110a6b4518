package io.docextract.server.jobs;

import io.docextract.server.auth.Caller;

/**
 * Decides whether a document may be submitted, before anything is stored. Submit (single,
 * batch item, reprocess) calls it once per job it is about to create.
 */
public interface SubmissionGuard {

    /**
     * @param documentType the extractor's document type (prices simple classes lower)
     * @param pageCount the document's pages if known at submit, else 1
     * @throws io.docextract.server.ApiException {@code insufficient_credits} (402) when the
     *     organization enforces credits, the key is live and the balance cannot cover the job
     */
    void checkSubmission(Caller caller, String documentType, int pageCount);
}
