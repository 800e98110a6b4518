package io.docextract.server.blobs;

import io.docextract.server.jobs.JobDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Gives workers the stored bytes of their jobs, from the blob store. */
@Component
public class StoredDocuments implements JobDocuments {

    private final BlobStore blobs;

    public StoredDocuments(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public byte[] read(String blobKey) {
        try (BlobStore.Blob blob = blobs.open(blobKey)
                .orElseThrow(() -> new IllegalStateException("no stored document under " + blobKey))) {
            return blob.content().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored document " + blobKey, e);
        }
    }
}
