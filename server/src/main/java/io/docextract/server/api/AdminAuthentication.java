package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.DocExtractProperties;
import io.docextract.server.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /admin/**} with {@code Authorization: Bearer <DOCEXTRACT_ADMIN_TOKEN>}. Without a
 * configured token the admin API does not exist (404), so an install that never set one exposes
 * nothing to guess at.
 */
@Component
public class AdminAuthentication implements HandlerInterceptor {

    private final byte[] token;

    public AdminAuthentication(DocExtractProperties properties) {
        String configured = properties.adminToken();
        this.token = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (token == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such path: " + request.getRequestURI() + ".");
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new ApiException(ErrorCode.MISSING_AUTHORIZATION, "Send Authorization: Bearer <admin token>.");
        }
        byte[] presented = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        // Constant-time, so the comparison leaks nothing about how much of a guess was right.
        if (!MessageDigest.isEqual(presented, token)) {
            throw new ApiException(ErrorCode.INVALID_API_KEY, "The admin token is wrong.");
        }
        return true;
    }
}
