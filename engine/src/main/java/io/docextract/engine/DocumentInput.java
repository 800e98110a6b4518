package io.docextract.engine;

import java.util.Objects;

/**
 * The bytes of one document with the type its submitter declared (already checked against the
 * bytes by the caller, or sniffed). {@code filename} may be null.
 */
public record DocumentInput(byte[] bytes, String mimeType, String filename) {

    public DocumentInput {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mimeType, "mimeType");
    }
}
