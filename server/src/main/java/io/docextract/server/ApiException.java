package io.docextract.server;

import java.util.List;

/**
 * A request that cannot be served, with the API error code saying why. Thrown by services and
 * controllers; the api package's one exception handler turns it into the error envelope.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One invalid input: which field or parameter and what is wrong with it. */
    public record Detail(String field, String issue) {}

    private final ErrorCode code;
    private final transient List<Detail> details;
    private final Long retryAfterSeconds;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public ApiException(ErrorCode code, String message, List<Detail> details, Long retryAfterSeconds) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException validation(String field, String issue) {
        return validation(List.of(new Detail(field, issue)));
    }

    public static ApiException validation(List<Detail> details) {
        String message = details.size() == 1
                ? "Invalid " + details.getFirst().field() + ": "
                        + details.getFirst().issue() + "."
                : details.size() + " fields are invalid.";
        return new ApiException(ErrorCode.VALIDATION_ERROR, message, details, null);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Detail> details() {
        return details;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
