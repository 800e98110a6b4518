package io.docextract.server;

import java.util.Locale;

/** The request-level error codes of the API, with their HTTP status and a default suggestion. */
public enum ErrorCode {
    VALIDATION_ERROR(400, "Check the fields listed in details."),
    INVALID_DOCUMENT_ENCODING(400, "Send the document as standard base64."),
    MIME_TYPE_MISMATCH(400, "Declare the type the bytes really are, or omit mime_type in multipart."),
    INVALID_JSON(400, "Send a JSON body with Content-Type: application/json."),
    MISSING_AUTHORIZATION(401, "Send the header Authorization: Bearer <your API key>."),
    INVALID_API_KEY(401, "Check the key; create a new one if it was revoked."),
    INSUFFICIENT_CREDITS(402, "Buy credits or ask your administrator for a grant."),
    INSUFFICIENT_SCOPE(403, "Use a key that has the required scope."),
    NOT_FOUND(404, "Check the path."),
    EXTRACTOR_NOT_FOUND(404, "List your extractors with GET /v1/extractors."),
    JOB_NOT_FOUND(404, "List your jobs with GET /v1/documents."),
    WEBHOOK_NOT_FOUND(404, "List your webhooks with GET /v1/webhooks."),
    METHOD_NOT_ALLOWED(405, "Check the HTTP method for this path in the API reference."),
    IDEMPOTENCY_CONFLICT(409, "Use a new Idempotency-Key for a different request."),
    JOB_NOT_FINISHED(409, "Wait until the job is completed or failed."),
    FILE_TOO_LARGE(413, "Split the document or compress it."),
    UNSUPPORTED_FILE_TYPE(415, "Send a PDF, image (PNG, JPEG, TIFF, WebP, BMP, GIF), DOCX, HTML, CSV or text file."),
    EXTRACTOR_INACTIVE(422, "Reactivate the extractor with PATCH is_active=true, or use another."),
    RATE_LIMIT_EXCEEDED(429, "Wait for the number of seconds in Retry-After."),
    INTERNAL_ERROR(500, "Try again; if it persists, report the request id."),
    SERVICE_UNAVAILABLE(503, "Wait for the number of seconds in Retry-After and try again.");

    private final int status;
    private final String suggestion;

    ErrorCode(int status, String suggestion) {
        this.status = status;
        this.suggestion = suggestion;
    }

    public int status() {
        return status;
    }

    public String suggestion() {
        return suggestion;
    }

    /** The code as the API writes it: {@code extractor_not_found}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
