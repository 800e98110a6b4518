package io.docextract.engine.document;

import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import java.time.Duration;

/**
 * The moment by which reading must be done: one document (checked between pages) or, within it,
 * one page's OCR (checked between the text lines PP-OCR reads).
 *
 * @param task what must be done by then, as the timeout's message names it
 */
record Deadline(long nanoTime, Duration budget, String task) {

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget, "Reading the document");
    }

    /**
     * The deadline of one page's OCR starting now: {@code pageTimeout} from now, or this deadline
     * when it comes first.
     */
    Deadline forPage(Duration pageTimeout) {
        long page = System.nanoTime() + pageTimeout.toNanos();
        return page - nanoTime < 0 ? new Deadline(page, pageTimeout, "OCR of a page") : this;
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    void check() {
        if (System.nanoTime() - nanoTime > 0) {
            throw new ExtractionException(
                    ExtractionErrorCode.EXTRACTION_TIMEOUT, task + " took longer than " + readable(budget) + ".");
        }
    }

    private static String readable(Duration budget) {
        return budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
    }
}
