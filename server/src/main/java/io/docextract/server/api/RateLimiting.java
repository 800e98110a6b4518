package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.ratelimit.RateLimitDecision;
import io.docextract.server.ratelimit.RateLimiter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts every authenticated {@code /v1} request against its organization's and key's limits,
 * sets the {@code X-RateLimit-*} headers (kept on error answers too) and refuses with 429 when a
 * limit is used up. Runs after {@link Authentication}.
 */
@Component
public class RateLimiting implements HandlerInterceptor {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private final RateLimiter limiter;

    public RateLimiting(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            // A long-poll (GET …?wait=) resuming: the request was counted when it arrived.
            return true;
        }
        RateLimitDecision decision = limiter.admit(Authentication.caller(request));
        response.setHeader(LIMIT, Long.toString(decision.limit()));
        response.setHeader(REMAINING, Long.toString(decision.remaining()));
        response.setHeader(RESET, Long.toString(decision.resetEpochSeconds()));
        if (!decision.allowed()) {
            throw new ApiException(
                    ErrorCode.RATE_LIMIT_EXCEEDED,
                    "Too many requests for this organization or key; retry in " + decision.retryAfterSeconds() + " s.",
                    List.of(),
                    decision.retryAfterSeconds());
        }
        return true;
    }
}
