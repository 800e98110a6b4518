package io.docextract.server.jobs;

import io.docextract.server.auth.Caller;
import io.docextract.server.extractors.ExtractorSummary;

/** A job about to be created, as shown to {@link SubmissionGuard}s. */
public record PendingSubmission(Caller caller, ExtractorSummary extractor, String mimeType, long sizeBytes) {

    public boolean testMode() {
        return caller.testMode();
    }
}
