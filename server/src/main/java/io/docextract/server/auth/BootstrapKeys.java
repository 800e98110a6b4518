package io.docextract.server.auth;

import io.docextract.server.DocExtractProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty database: a default organization with one live and one test
 * key, printed once and written to {@code <data dir>/bootstrap-keys.txt} (mode 600) so that a
 * new user can start working without the admin tools.
 */
@Component
public class BootstrapKeys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapKeys.class);

    private final AccessService access;
    private final DocExtractProperties properties;

    public BootstrapKeys(AccessService access, DocExtractProperties properties) {
        this.access = access;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.servesApi() || access.hasOrganizations()) {
            return;
        }
        Organization org = access.createOrganization("Default organization", Plan.SELF_HOSTED);
        IssuedKey live = access.issueKey(org.id(), "bootstrap live key", false, Scope.all());
        IssuedKey test = access.issueKey(org.id(), "bootstrap test key", true, Scope.all());
        List<String> lines = List.of(
                "organization: " + org.id(), "live key:     " + live.secret(), "test key:     " + test.secret());
        Path file = properties.dataPath().resolve("bootstrap-keys.txt");
        write(file, lines);
        StringBuilder banner = new StringBuilder("\n  DocExtract created a default organization. Your keys (also in ")
                .append(file)
                .append("):\n");
        lines.forEach(line -> banner.append("    ").append(line).append('\n'));
        System.out.println(banner);
        log.info("created default organization {} with a live and a test key (see {})", org.id(), file);
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
