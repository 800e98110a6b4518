package io.docextract.server.blobs;

import io.docextract.server.DocExtractProperties;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the blob store from {@code DOCEXTRACT_BLOB_URL}. */
@Configuration(proxyBeanMethods = false)
public class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(DocExtractProperties properties) {
        return forUrl(properties.blobUrl());
    }

    /** {@code file:<dir>} (relative or absolute, also {@code file:///abs}). */
    static BlobStore forUrl(String url) {
        if (url.startsWith("file:")) {
            String rest = url.substring("file:".length());
            Path dir = rest.startsWith("//") ? Path.of(URI.create(url)) : Path.of(rest);
            return new FileSystemBlobStore(dir);
        }
        throw new IllegalStateException("unsupported DOCEXTRACT_BLOB_URL (this build stores blobs on a file system;"
                + " use file:<folder>): " + url);
    }
}
