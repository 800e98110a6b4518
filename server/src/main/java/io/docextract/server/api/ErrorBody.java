package io.docextract.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.docextract.server.ApiException;
import java.util.List;

/** The error envelope every failed request answers with. */
public record ErrorBody(Error error) {

    public record Error(
            String code,
            String message,
            String suggestion,
            int status,
            String requestId,
            String documentationUrl,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ApiException.Detail> details) {}
}
