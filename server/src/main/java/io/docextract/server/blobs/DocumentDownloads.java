package io.docextract.server.blobs;

import io.docextract.server.ApiException;
import io.docextract.server.ErrorCode;
import io.docextract.server.jobs.Job;
import io.docextract.server.jobs.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Opens a job's original document for a signed link. A missing, expired or altered signature is
 * answered like an unknown job ({@code not_found}), so that a link reveals nothing once it is no
 * longer valid.
 */
@Service
public class DocumentDownloads {

    private final DocumentLinks links;
    private final JobRepository jobs;
    private final BlobStore blobs;

    public DocumentDownloads(DocumentLinks links, JobRepository jobs, BlobStore blobs) {
        this.links = links;
        this.jobs = jobs;
        this.blobs = blobs;
    }

    /** An open document with what the response needs to describe it; the caller closes it. */
    public record Download(String mimeType, String filename, BlobStore.Blob blob) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            blob.close();
        }
    }

    /** @throws ApiException {@code not_found} for an invalid link or a job without stored bytes */
    public Download open(String jobId, String expires, String signature) {
        if (!links.isValid(jobId, expires, signature)) {
            throw notFound();
        }
        Job job = jobs.findById(jobId).filter(j -> j.blobKey() != null).orElseThrow(DocumentDownloads::notFound);
        BlobStore.Blob blob = blobs.open(job.blobKey()).orElseThrow(DocumentDownloads::notFound);
        return new Download(job.mimeType(), job.filename() != null ? job.filename() : job.id(), blob);
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "No such file, or the link has expired.");
    }
}
