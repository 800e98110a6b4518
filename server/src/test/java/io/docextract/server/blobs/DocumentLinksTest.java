package io.docextract.server.blobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentLinksTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-11-23T10:00:00Z"));
    private final InstantSource clock = now::get;
    private final DocumentLinks links =
            new DocumentLinks("a-secret-of-enough-length-000000000".getBytes(StandardCharsets.UTF_8), clock, 3600);

    @Test
    void linkCarriesExpiryAndSignatureAndVerifiesUntilItExpires() {
        String url = links.url("https://api.example.com", "job_abc");
        assertThat(url)
                .startsWith("https://api.example.com/v1/files/job_abc?expires=" + (1732356000L + 3600) + "&signature=");
        String signature = url.substring(url.indexOf("signature=") + 10);
        assertThat(signature).matches("[0-9a-f]{64}");

        assertThat(links.isValid("job_abc", "1732359600", signature)).isTrue();
        now.set(Instant.parse("2024-11-23T10:59:59Z"));
        assertThat(links.isValid("job_abc", "1732359600", signature)).isTrue();
        now.set(Instant.parse("2024-11-23T11:00:00Z"));
        assertThat(links.isValid("job_abc", "1732359600", signature)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "job_abd, 1732359600", // another job
        "job_abc, 1732359601", // extended expiry
        "job_abc, soon",
    })
    void alteredLinksAreRefused(String jobId, String expires) {
        String signature = links.signature("job_abc", 1732359600L);
        assertThat(links.isValid(jobId, expires, signature)).isFalse();
    }

    @Test
    void anotherSecretsSignatureIsRefused() {
        DocumentLinks other =
                new DocumentLinks("another-secret-of-enough-length-0000".getBytes(StandardCharsets.UTF_8), clock, 3600);
        assertThat(links.isValid("job_abc", "1732359600", other.signature("job_abc", 1732359600L)))
                .isFalse();
        assertThat(links.isValid("job_abc", "1732359600", null)).isFalse();
    }

    @Test
    void generatedSecretIsKeptPrivateAndReusedAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve(SigningSecret.FILE_NAME);
        byte[] first = SigningSecret.fromFile(file);
        byte[] second = SigningSecret.fromFile(file);
        assertThat(first).isEqualTo(second).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }
}
