package io.docextract.server.blobs;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where documents' original bytes live, by key. Keys are made of letters, digits, {@code _},
 * {@code -} and {@code .}; anything else is rejected with {@link IllegalArgumentException}.
 *
 * <p>Contract: {@link #put} is atomic — a reader sees either no blob or the whole of it, never a
 * partial one, also after a crash in the middle of a write. Putting an existing key replaces it.
 * I/O failures are {@link java.io.UncheckedIOException}s. Implementations are thread-safe and
 * shared by every process using the same store, so they keep no state in memory.
 */
public interface BlobStore {

    /** Stores the bytes under the key. */
    void put(String key, byte[] bytes);

    /** Stores everything the stream yields under the key; the caller closes the stream. */
    void put(String key, InputStream content);

    /** Opens the blob for streaming, or empty when there is none. The caller closes it. */
    Optional<Blob> open(String key);

    /** Removes the blob; true when there was one. */
    boolean delete(String key);

    /** An open blob: its content and its length in bytes. */
    record Blob(InputStream content, long size) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            content.close();
        }
    }
}
