package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.DocExtractProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds the error envelope for an {@link ApiException}, with its headers. */
@Component
public class ErrorResponses {

    private final DocExtractProperties properties;

    public ErrorResponses(DocExtractProperties properties) {
        this.properties = properties;
    }

    public ResponseEntity<ErrorBody> of(ApiException e, HttpServletRequest request) {
        return ResponseEntity.status(e.code().status()).headers(headers(e)).body(body(e, request));
    }

    public ErrorBody body(ApiException e, HttpServletRequest request) {
        String base = properties.publicUrl() != null ? properties.publicUrl() : baseUrl(request);
        return new ErrorBody(new ErrorBody.Error(
                e.code().code(),
                e.getMessage(),
                e.code().suggestion(),
                e.code().status(),
                RequestIds.of(request),
                base + "/docs/errors#" + e.code().code(),
                e.details()));
    }

    private static HttpHeaders headers(ApiException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (e.retryAfterSeconds() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return headers;
    }

    static String baseUrl(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
