package io.docextract.server.jobs;

/**
 * Where workers read a job's stored bytes. The blob store implements it; the seam keeps the
 * worker independent of how bytes are stored.
 */
@FunctionalInterface
public interface JobDocuments {

    /**
     * The bytes stored under {@code blobKey}.
     *
     * @throws RuntimeException when they cannot be read (the attempt then fails as {@code internal_error})
     */
    byte[] read(String blobKey);
}
