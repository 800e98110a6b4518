package io.docextract.server.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemBlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void putOpenDeleteRoundTrip() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        store.put("job_1", new byte[] {1, 2, 3});
        try (BlobStore.Blob blob = store.open("job_1").orElseThrow()) {
            assertThat(blob.size()).isEqualTo(3);
            assertThat(blob.content().readAllBytes()).containsExactly(1, 2, 3);
        }
        store.put("job_1", new ByteArrayInputStream(new byte[] {9}));
        try (BlobStore.Blob blob = store.open("job_1").orElseThrow()) {
            assertThat(blob.content().readAllBytes()).containsExactly(9);
        }
        assertThat(store.delete("job_1")).isTrue();
        assertThat(store.delete("job_1")).isFalse();
        assertThat(store.open("job_1")).isEmpty();
    }

    @Test
    void blobsFanOutIntoTwoFolderLevelsAndLeaveNoTemporaryFiles() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        for (int i = 0; i < 50; i++) {
            store.put("job_" + i, new byte[] {(byte) i});
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(50).allSatisfy(file -> {
                assertThat(dir.relativize(file).getNameCount()).isEqualTo(3);
                assertThat(file.getFileName().toString()).startsWith("job_");
            });
        }
    }

    @Test
    void aFolderRemovedBehindTheStoresBackIsMadeAgain() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        store.put("job_a", new byte[] {1});
        Path folder = store.path("job_a").getParent();
        store.delete("job_a");
        Files.delete(folder);
        Files.delete(folder.getParent());

        store.put("job_a", new byte[] {2});

        try (BlobStore.Blob blob = store.open("job_a").orElseThrow()) {
            assertThat(blob.content().readAllBytes()).containsExactly(2);
        }
    }

    @Test
    void urlChoosesTheFolder() {
        BlobStore store = BlobStoreConfiguration.forUrl("file:" + dir.resolve("blobs"));
        assertThat(((FileSystemBlobStore) store).root()).isEqualTo(dir.resolve("blobs"));
        assertThatThrownBy(() -> BlobStoreConfiguration.forUrl("ftp://x")).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc", "a/b", ".hidden", "a b"})
    void unsafeKeysAreRefused(String key) {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        assertThatThrownBy(() -> store.put(key, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
