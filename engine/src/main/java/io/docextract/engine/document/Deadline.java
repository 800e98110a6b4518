package io.docextract.engine.document;

import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import java.time.Duration;

/** The moment by which reading one document must be done; checked between pages. */
record Deadline(long nanoTime, Duration budget) {

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    void check() {
        if (System.nanoTime() - nanoTime > 0) {
            throw new ExtractionException(
                    ExtractionErrorCode.EXTRACTION_TIMEOUT,
                    "Reading the document took longer than " + budget.toSeconds() + " s.");
        }
    }
}
