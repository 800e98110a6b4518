package io.docextract.server.jobs;

import io.docextract.server.blobs.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Workers read a job's bytes from the blob store the submit path wrote them to. */
@Component
class BlobJobDocuments implements JobDocuments {

    private final BlobStore blobs;

    BlobJobDocuments(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public byte[] read(String blobKey) {
        if (blobKey == null) {
            throw new IllegalStateException("the job has no stored document");
        }
        try (BlobStore.Blob blob = blobs.open(blobKey)
                .orElseThrow(() -> new IllegalStateException("no stored document under " + blobKey))) {
            return blob.content().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
