package io.docextract.server.api;

import io.docextract.server.blobs.DocumentDownloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/files/{job_id}?expires&signature}: a job's original bytes through its signed
 * link, without an API key (the authentication interceptor skips {@code /v1/files/**}).
 */
@RestController
public class FileController {

    private final DocumentDownloads downloads;

    public FileController(DocumentDownloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/v1/files/{jobId}")
    void download(
            @PathVariable String jobId,
            @RequestParam(required = false) String expires,
            @RequestParam(required = false) String signature,
            HttpServletResponse response)
            throws IOException {
        try (DocumentDownloads.Download download = downloads.open(jobId, expires, signature)) {
            response.setContentType(download.mimeType());
            response.setContentLengthLong(download.blob().size());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(download.filename(), StandardCharsets.UTF_8)
                            .build()
                            .toString());
            // The link is a credential: keep it and the bytes out of shared caches.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            try (OutputStream out = response.getOutputStream()) {
                download.blob().content().transferTo(out);
            }
        }
    }
}
