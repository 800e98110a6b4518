package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place that turns exceptions into the documented error envelope. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses responses;

    public ApiExceptionHandler(ErrorResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e, HttpServletRequest request) {
        return responses.of(e, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return responses.of(new ApiException(ErrorCode.INVALID_JSON, "The request body is not valid JSON."), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return responses.of(ApiException.validation(e.getName(), "has an invalid value"), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return responses.of(ApiException.validation(e.getParameterName(), "is required"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return responses.of(
                new ApiException(
                        ErrorCode.INVALID_JSON,
                        "Send the body as application/json (or multipart/form-data where documented)."),
                request);
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class})
    ResponseEntity<ErrorBody> tooLarge(Exception e, HttpServletRequest request) {
        return responses.of(new ApiException(ErrorCode.FILE_TOO_LARGE, "The upload is over the size limit."), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorBody> multipart(MultipartException e, HttpServletRequest request) {
        return responses.of(ApiException.validation("body", "is not a readable multipart/form-data body"), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return responses.of(
                new ApiException(ErrorCode.NOT_FOUND, "No such path: " + request.getRequestURI() + "."), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<ErrorBody> response = responses.of(
                new ApiException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on this path."),
                request);
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers -> {
                    headers.addAll(response.getHeaders());
                    if (e.getSupportedHttpMethods() != null) {
                        headers.setAllow(e.getSupportedHttpMethods());
                    }
                })
                .body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return responses.of(new ApiException(ErrorCode.INTERNAL_ERROR, "An internal error occurred."), request);
    }
}
