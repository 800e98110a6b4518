package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.jobs.SubmissionService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses document uploads whose declared {@code Content-Length} cannot hold an acceptable
 * document, before anything reads the body (multipart parsing would otherwise spool it to disk
 * first). Bodies without a length are limited while they are read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DocumentUploadLimit extends OncePerRequestFilter {

    private final SubmissionReader reader;
    private final ErrorResponses errors;
    private final JsonMapper json;
    private final long maxDocumentBytes;

    public DocumentUploadLimit(
            SubmissionReader reader,
            ErrorResponses errors,
            JsonMapper json,
            io.docextract.server.DocExtractProperties properties) {
        this.reader = reader;
        this.errors = errors;
        this.json = json;
        this.maxDocumentBytes = properties.maxDocumentBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/v1/documents");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        String type = request.getContentType();
        boolean multipart =
                type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        long limit = multipart ? reader.maxMultipartBodyBytes() : reader.maxJsonBodyBytes();
        if (length > limit) {
            ApiException tooLarge = SubmissionService.tooLarge(maxDocumentBytes);
            response.setStatus(ErrorCode.FILE_TOO_LARGE.status());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            // The client is told not to keep sending; the connection is not reused.
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), errors.body(tooLarge, request));
            return;
        }
        chain.doFilter(request, response);
    }
}
