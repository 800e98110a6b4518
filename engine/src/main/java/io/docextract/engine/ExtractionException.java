package io.docextract.engine;

/** A document that cannot be extracted, with the API error code saying why. */
public class ExtractionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExtractionErrorCode code;

    public ExtractionException(ExtractionErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ExtractionException(ExtractionErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ExtractionException(ExtractionErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ExtractionErrorCode code() {
        return code;
    }
}
