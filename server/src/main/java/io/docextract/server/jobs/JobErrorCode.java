package io.docextract.server.jobs;

import io.docextract.engine.ExtractionErrorCode;
import java.util.Locale;

/**
 * Why a job failed: the engine's reasons plus {@code worker_lost}, which only the job machinery
 * can observe. Messages and suggestions are what the API shows in {@code error_details}.
 */
public enum JobErrorCode {
    DOCUMENT_UNREADABLE(ExtractionErrorCode.DOCUMENT_UNREADABLE),
    DOCUMENT_CORRUPT(ExtractionErrorCode.DOCUMENT_CORRUPT),
    DOCUMENT_ENCRYPTED(ExtractionErrorCode.DOCUMENT_ENCRYPTED),
    TOO_MANY_PAGES(ExtractionErrorCode.TOO_MANY_PAGES),
    OCR_UNAVAILABLE(ExtractionErrorCode.OCR_UNAVAILABLE),
    EXTRACTION_TIMEOUT(ExtractionErrorCode.EXTRACTION_TIMEOUT),
    INTERNAL_ERROR(ExtractionErrorCode.INTERNAL_ERROR),
    // Retrying is what led here: the attempts ran out while workers kept dying.
    WORKER_LOST(
            false,
            "The worker processing the document stopped repeatedly; its attempts are used up.",
            "Submit the document again; if it keeps happening, the document may exhaust the worker's memory.");

    private final boolean retryable;
    private final String defaultMessage;
    private final String suggestion;

    JobErrorCode(ExtractionErrorCode engineCode) {
        this(engineCode.retryable(), engineCode.defaultMessage(), engineCode.suggestion());
    }

    JobErrorCode(boolean retryable, String defaultMessage, String suggestion) {
        this.retryable = retryable;
        this.defaultMessage = defaultMessage;
        this.suggestion = suggestion;
    }

    public static JobErrorCode of(ExtractionErrorCode engineCode) {
        return valueOf(engineCode.name());
    }

    public boolean retryable() {
        return retryable;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    public String suggestion() {
        return suggestion;
    }

    /** The API's code: {@code worker_lost}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
