package io.docextract.server;

import io.docextract.server.auth.AccessService;
import io.docextract.server.auth.IssuedKey;
import io.docextract.server.auth.Organization;
import io.docextract.server.auth.Plan;
import io.docextract.server.auth.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests: the real server on a random port with a real SQLite database
 * in a temporary folder. Every subclass shares one Spring context (same configuration), so keep
 * per-class configuration out of subclasses. Tests isolate themselves by creating their own
 * organization.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTestSupport {

    protected static final Path DATA_DIR = createDataDir();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    /** The admin token the shared test server is configured with ({@code DOCEXTRACT_ADMIN_TOKEN}). */
    protected static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccessService access;

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        registry.add("docextract.data-dir", DATA_DIR::toString);
        registry.add("docextract.workers", () -> "2");
        registry.add("docextract.admin-token", () -> ADMIN_TOKEN);
    }

    /** A new organization with a live and a test key holding every scope. */
    protected Tenant newTenant() {
        return newTenant(Plan.SELF_HOSTED);
    }

    protected Tenant newTenant(Plan plan) {
        Organization org = access.createOrganization("test org", plan);
        IssuedKey live = access.issueKey(org.id(), "live", false, Scope.all());
        IssuedKey test = access.issueKey(org.id(), "test", true, Scope.all());
        return new Tenant(org.id(), live.secret(), test.secret());
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected Response get(String key, String path) {
        return send(key, HttpRequest.newBuilder(uri(path)).GET());
    }

    protected Response post(String key, String path, Object body) {
        return send(
                key,
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    protected Response patch(String key, String path, Object body) {
        return send(
                key,
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .method(
                                "PATCH",
                                HttpRequest.BodyPublishers.ofString(
                                        body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    protected Response delete(String key, String path) {
        return send(key, HttpRequest.newBuilder(uri(path)).DELETE());
    }

    protected Response send(String key, HttpRequest.Builder request) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<byte[]> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : baseUrl() + path);
    }

    /** An organization made for one test, with its keys. */
    public record Tenant(String orgId, String liveKey, String testKey) {}

    /** An HTTP answer with its body parsed on demand. */
    public record Response(HttpResponse<byte[]> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String text() {
            return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public byte[] bytes() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The error code of an error envelope. */
        public String errorCode() {
            return json().path("error").path("code").asString();
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("docextract-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
