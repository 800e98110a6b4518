package io.docextract.server.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Blobs as files under one folder, fanned out into two levels of 256 sub-folders by a hash of the
 * key so that no folder grows huge. Writes go to a temporary file beside the target and are then
 * renamed into place, which is atomic on POSIX file systems.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    private static final HexFormat HEX = HexFormat.of();

    private final Path root;
    // Leaf folders this process has seen exist; at most 65,536 (two levels of 256).
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob folder " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, byte[] bytes) {
        write(key, out -> out.write(bytes));
    }

    @Override
    public void put(String key, InputStream content) {
        write(key, content::transferTo);
    }

    @Override
    public Optional<Blob> open(String key) {
        Path path = path(key);
        try {
            InputStream in = Files.newInputStream(path);
            return Optional.of(new Blob(in, Files.size(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + key, e);
        }
    }

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob " + key, e);
        }
    }

    private interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private void write(String key, Writer writer) {
        Path target = path(key);
        Path temp = target.resolveSibling("." + key + ".tmp"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (OutputStream out = create(temp)) {
                writer.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot store blob " + key, e);
        }
    }

    /**
     * A new file. Its folder is created the first time this process writes into it (most writes go
     * to a folder that exists: asking the file system each time would cost a failed mkdir and its
     * exception), and again if it was removed since.
     */
    private OutputStream create(Path file) throws IOException {
        Path folder = file.getParent();
        if (!folders.contains(folder)) {
            Files.createDirectories(folder);
            folders.add(folder);
        }
        try {
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        } catch (NoSuchFileException e) {
            Files.createDirectories(folder);
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        }
    }

    Path path(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.startsWith(".")) {
            throw new IllegalArgumentException("invalid blob key: " + key);
        }
        int hash = key.hashCode();
        return root.resolve(HEX.toHexDigits((byte) hash))
                .resolve(HEX.toHexDigits((byte) (hash >>> 8)))
                .resolve(key);
    }
}
