package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.auth.AccessService;
import io.docextract.server.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves the bearer key of every {@code /v1} request into a {@link Caller}, or answers 401.
 * Scopes are checked by the controllers, which know what they need.
 */
@Component
public class Authentication implements HandlerInterceptor {

    static final String CALLER = "docextract.caller";

    private final AccessService access;

    public Authentication(AccessService access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new ApiException(ErrorCode.MISSING_AUTHORIZATION, "No Authorization header was sent.");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(ErrorCode.INVALID_API_KEY, "The Authorization header must be 'Bearer <key>'.");
        }
        request.setAttribute(CALLER, access.authenticate(header.substring(7).trim()));
        return true;
    }

    public static Caller caller(HttpServletRequest request) {
        Object caller = request.getAttribute(CALLER);
        if (caller == null) {
            throw new ApiException(ErrorCode.MISSING_AUTHORIZATION, "No Authorization header was sent.");
        }
        return (Caller) caller;
    }
}
