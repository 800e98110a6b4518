package io.docextract.server.blobs;

import io.docextract.server.DocExtractProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The server's secret for signing download links: {@code DOCEXTRACT_SIGNING_SECRET} when set,
 * otherwise a random one generated on first start and kept in {@code <data dir>/signing-secret}
 * (mode 600) so that links stay valid across restarts and across processes sharing the folder.
 */
final class SigningSecret {

    static final String FILE_NAME = "signing-secret";

    private SigningSecret() {}

    static byte[] resolve(DocExtractProperties properties) {
        if (properties.signingSecret() != null && !properties.signingSecret().isBlank()) {
            return properties.signingSecret().getBytes(StandardCharsets.UTF_8);
        }
        return fromFile(properties.dataPath().resolve(FILE_NAME));
    }

    static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (secret.length() < 32) {
                throw new IllegalStateException(
                        "the signing secret in " + file + " is too short (delete it to regenerate)");
            }
            return secret.getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing secret " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Path temp =
                file.resolveSibling(FILE_NAME + ".tmp" + ProcessHandle.current().pid());
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
        try {
            // A hard link never replaces an existing file: of two processes starting together,
            // one wins and both then read the winner's secret.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            // another process was first
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
