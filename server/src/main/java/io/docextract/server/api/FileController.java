package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.blobs.BlobStore;
import io.docextract.server.blobs.DocumentLinks;
import io.docextract.server.jobs.Job;
import io.docextract.server.jobs.JobService;
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
 * link, without an API key. A missing, expired or altered signature answers 404 like an unknown
 * job, so that a link reveals nothing once it is no longer valid.
 */
@RestController
public class FileController {

    private final DocumentLinks links;
    private final JobService jobs;
    private final BlobStore blobs;

    public FileController(DocumentLinks links, JobService jobs, BlobStore blobs) {
        this.links = links;
        this.jobs = jobs;
        this.blobs = blobs;
    }

    @GetMapping("/v1/files/{jobId}")
    void download(
            @PathVariable String jobId,
            @RequestParam(required = false) String expires,
            @RequestParam(required = false) String signature,
            HttpServletResponse response)
            throws IOException {
        if (!links.isValid(jobId, expires, signature)) {
            throw notFound();
        }
        Job job = jobs.withStoredDocument(jobId).orElseThrow(FileController::notFound);
        try (BlobStore.Blob blob = blobs.open(job.blobKey()).orElseThrow(FileController::notFound)) {
            response.setContentType(job.mimeType());
            response.setContentLengthLong(blob.size());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(job.filename() != null ? job.filename() : job.id(), StandardCharsets.UTF_8)
                            .build()
                            .toString());
            // The link is a credential: keep it and the bytes out of shared caches.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            try (OutputStream out = response.getOutputStream()) {
                blob.content().transferTo(out);
            }
        }
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "No such file, or the link has expired.");
    }
}
