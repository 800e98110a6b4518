package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.storage.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service runs in a second JVM and is killed with SIGKILL while eight clients are
 * submitting documents to it. After a restart on the same database and blob folder, every submit
 * that was acknowledged with 202 is there, queued, with its metadata and its exact bytes; and every
 * job the restarted service lists (including ones whose answer the kill swallowed) has its
 * document. On SQLite (the embedded default) and on a fresh PostgreSQL database.
 */
class SubmitCrashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int CLIENTS = 8;

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyAcknowledgedSubmitSurvivesAKilledService(String databaseKind) throws Exception {
        try (TestDatabase postgres = databaseKind.equals("postgresql") ? TestDatabase.postgres() : null) {
            String databaseUrl = postgres == null ? null : postgres.url();
            Service first = Service.start(folder, databaseUrl, "first");
            String key = first.liveKey();
            String extractor = first.createExtractor(key);

            Map<String, String> acknowledged = new ConcurrentHashMap<>(); // job id -> document text
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    clients.submit(() -> submitUntilKilled(first, key, extractor, client, acknowledged, killed));
                }
                awaitSize(acknowledged, 150);
                first.kill();
                killed.set(true);
            } finally {
                clients.shutdown();
                clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
                first.kill();
            }

            Service second = Service.start(folder, databaseUrl, "second");
            try {
                for (Map.Entry<String, String> job : acknowledged.entrySet()) {
                    JsonNode got = second.json("GET", "/v1/documents/" + job.getKey(), key, null);
                    assertThat(got.path("status").asString()).as(job.getKey()).isEqualTo("queued");
                    assertThat(got.path("metadata").path("text").asString()).isEqualTo(job.getValue());
                    assertThat(second.download(got.path("document_url").asString()))
                            .isEqualTo(job.getValue());
                }
                JsonNode listed = second.json("GET", "/v1/documents?limit=1000", key, null);
                assertThat(listed.path("total").asInt()).isGreaterThanOrEqualTo(acknowledged.size());
                for (JsonNode job : listed.path("jobs")) {
                    String text = job.path("metadata").path("text").asString();
                    JsonNode got =
                            second.json("GET", "/v1/documents/" + job.path("id").asString(), key, null);
                    assertThat(second.download(got.path("document_url").asString()))
                            .as("a listed job has its document")
                            .isEqualTo(text);
                }
            } finally {
                second.kill();
            }
        }
    }

    /** Submits small text documents until the service dies, recording each acknowledged job. */
    private static void submitUntilKilled(
            Service service,
            String key,
            String extractor,
            int client,
            Map<String, String> acknowledged,
            AtomicBoolean killed) {
        for (int i = 0; !killed.get(); i++) {
            String text = "Invoice C" + client + "-" + i + " total 12.50 EUR";
            Map<String, Object> body = Map.of(
                    "extractor_id",
                    extractor,
                    "document",
                    Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)),
                    "mime_type",
                    "text/plain",
                    "metadata",
                    Map.of("text", text));
            try {
                HttpResponse<String> response = service.send("POST", "/v1/documents", key, body);
                if (response.statusCode() == 202) {
                    acknowledged.put(JSON.readTree(response.body()).path("id").asString(), text);
                }
            } catch (IOException e) {
                return; // the service is gone: this submit was never acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitSize(Map<?, ?> map, int size) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (map.size() < size) {
            assertThat(Instant.now())
                    .as("acknowledged submits so far: " + map.size())
                    .isBefore(deadline);
            Thread.sleep(10);
        }
    }

    /** The service as {@code docextract serve --role api} runs it, in a JVM of its own. */
    private record Service(Process process, int port, Path dataDir) {

        static Service start(Path dataDir, String databaseUrl, String name) throws Exception {
            int port = freePort();
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(
                            java,
                            "--enable-native-access=ALL-UNNAMED",
                            "-Xshare:off",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "io.docextract.server.DocExtractApplication",
                            "serve",
                            "--role",
                            "api")
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("service-" + name + ".log").toFile());
            builder.environment().put("DOCEXTRACT_DATA_DIR", dataDir.toString());
            builder.environment().put("DOCEXTRACT_PORT", Integer.toString(port));
            builder.environment().put("DOCEXTRACT_OCR", "off");
            if (databaseUrl != null) {
                builder.environment().put("DOCEXTRACT_DATABASE_URL", databaseUrl);
            }
            Service service = new Service(builder.start(), port, dataDir);
            service.awaitHealthy();
            return service;
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        private void awaitHealthy() throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline)) {
                assertThat(process.isAlive())
                        .as("the service exited; see its log in " + dataDir)
                        .isTrue();
                try {
                    if (send("GET", "/healthz", null, null).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the service did not become healthy; see its log in " + dataDir);
        }

        /** The bootstrap live key; the keys are written once the server is up, so they may lag /healthz. */
        String liveKey() throws IOException, InterruptedException {
            Path keys = dataDir.resolve("bootstrap-keys.txt");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!Files.exists(keys) || Files.readAllLines(keys).size() < 3) {
                assertThat(Instant.now()).as("the keys in " + keys).isBefore(deadline);
                Thread.sleep(100);
            }
            return Files.readAllLines(keys).stream()
                    .filter(line -> line.startsWith("live key:"))
                    .map(line -> line.substring("live key:".length()).trim())
                    .findFirst()
                    .orElseThrow();
        }

        String createExtractor(String key) throws Exception {
            Map<String, Object> body = Map.of(
                    "name",
                    "Invoices",
                    "document_type",
                    "invoice",
                    "field_definitions",
                    List.of(Map.of("name", "total_amount", "type", "currency", "description", "Total due")));
            return json("POST", "/v1/extractors", key, body).path("id").asString();
        }

        JsonNode json(String method, String path, String key, Object body) throws Exception {
            HttpResponse<String> response = send(method, path, key, body);
            assertThat(response.statusCode())
                    .as(method + " " + path + ": " + response.body())
                    .isBetween(200, 299);
            return JSON.readTree(response.body());
        }

        String download(String documentUrl) throws Exception {
            HttpResponse<byte[]> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(documentUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(documentUrl).isEqualTo(200);
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        HttpResponse<String> send(String method, String path, String key, Object body)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            process.waitFor();
        }
    }
}
