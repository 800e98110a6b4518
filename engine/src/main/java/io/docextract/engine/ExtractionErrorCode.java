package io.docextract.engine;

import java.util.Locale;

/** Why a document could not be extracted; the job-level error codes of the API. */
public enum ExtractionErrorCode {
    DOCUMENT_UNREADABLE(
            false,
            "No text could be recovered from the document.",
            "Check that the document is not blank; for scans, use at least 200 dpi."),
    DOCUMENT_CORRUPT(
            false,
            "The document is damaged and could not be parsed.",
            "Re-export or re-scan the document and submit it again."),
    DOCUMENT_ENCRYPTED(
            false, "The document is password-protected.", "Remove the password and submit the document again."),
    TOO_MANY_PAGES(false, "The document has more pages than allowed.", "Split the document into smaller parts."),
    OCR_UNAVAILABLE(
            true,
            "The document needs OCR, which is not available on this server.",
            "Install Tesseract on the server, or submit a document with a text layer."),
    EXTRACTION_TIMEOUT(
            true, "Extraction took longer than allowed.", "Submit fewer pages at once, or raise the page timeout."),
    INTERNAL_ERROR(
            true,
            "An unexpected error occurred while extracting.",
            "Try again; if it persists, report it with the job id.");

    private final boolean retryable;
    private final String defaultMessage;
    private final String suggestion;

    ExtractionErrorCode(boolean retryable, String defaultMessage, String suggestion) {
        this.retryable = retryable;
        this.defaultMessage = defaultMessage;
        this.suggestion = suggestion;
    }

    /** Whether another attempt might succeed (a transient failure, not a property of the bytes). */
    public boolean retryable() {
        return retryable;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    public String suggestion() {
        return suggestion;
    }

    /** The API's code: {@code document_corrupt}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
