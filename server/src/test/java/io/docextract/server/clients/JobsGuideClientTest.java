package io.docextract.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import io.docextract.server.jobs.TextPdf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The client code of the hosted API's jobs guide (queryJobs, getAllJobs, the stats call, the
 * monitors, reprocessing, export, the metadata submit and the parallel submits) runs on Node.js
 * against the real server, changed only in base URL, key and the guide's example extractor id.
 */
class JobsGuideClientTest extends ServerTestSupport {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path GUIDE = REPO.resolveSibling("shared").resolve("reference/jobs-guide.txt");
    private static final Path HARNESS = REPO.resolve("clients/jobs-guide/run.mjs");

    @TempDir
    Path documents;

    @Test
    void guideClientCodeRunsUnchanged() throws Exception {
        assertThat(GUIDE).as("the jobs guide beside the repository").exists();
        assertThat(REPO.resolve("clients/jobs-guide/node_modules"))
                .as("run npm ci in clients/jobs-guide")
                .exists();
        Tenant tenant = newTenant();
        String extractorId = post(
                        tenant.liveKey(),
                        "/v1/extractors",
                        Map.of(
                                "name", "Guide invoices",
                                "document_type", "invoice",
                                "field_definitions",
                                        List.of(
                                                Map.of(
                                                        "name",
                                                        "invoice_number",
                                                        "type",
                                                        "text",
                                                        "description",
                                                        "The invoice number"),
                                                Map.of(
                                                        "name",
                                                        "invoice_date",
                                                        "type",
                                                        "date",
                                                        "description",
                                                        "Date of issue"),
                                                Map.of(
                                                        "name",
                                                        "total_amount",
                                                        "type",
                                                        "currency",
                                                        "description",
                                                        "Total amount due"))))
                .json()
                .path("id")
                .asString();
        List<String> files = new ArrayList<>();
        files.add(write("inv-1.pdf", TextPdf.invoice("INV-1001", "2024-11-15", "1,250.50")));
        files.add(write("inv-2.pdf", TextPdf.invoice("INV-1002", "2024-11-16", "99.00")));
        // Passes the magic-byte check as a PDF, then fails in the engine: the monitors and the
        // reprocessing snippet need a failed job.
        files.add(write("broken.pdf", "%PDF-1.7\nthis is not a real PDF body".getBytes(StandardCharsets.US_ASCII)));

        JsonNode out = runGuide(tenant.liveKey(), extractorId, files);

        assertThat(out.path("batchJobIds")).hasSize(3);
        assertThat(out.path("rateLimitedJobIds")).hasSize(3);
        JsonNode metadataJob = out.path("metadataJob");
        assertThat(metadataJob.path("status").asString()).isEqualTo("queued");
        assertThat(metadataJob.path("metadata").path("customer_id").asString()).isEqualTo("cust_123");

        int submitted = 3 + 3 + 1;
        assertThat(out.path("allJobs")).hasSize(submitted); // getAllJobs ran before the reprocessing
        JsonNode all = get(tenant.liveKey(), "/v1/documents?extractor_id=" + extractorId + "&limit=1000")
                .json();
        assertThat(all.path("total").asInt()).isEqualTo(submitted + 2); // + the two reprocessed failures

        JsonNode stats = out.path("stats");
        assertThat(stats.path("total_jobs").asInt()).isEqualTo(submitted);
        assertThat(stats.path("failed_jobs").asInt()).isEqualTo(2);
        assertThat(stats.path("completed_jobs").asInt()).isEqualTo(5);
        assertThat(out.path("failureRate").path("failureRate").asDouble()).isEqualTo(2.0 / submitted);
        assertThat(out.path("fieldConfidences").propertyNames()).contains("invoice_number", "total_amount");
        assertThat(out.path("reprocessed")).hasSize(2);
        assertThat(out.path("exportJson")).hasSize(submitted + 2);
        assertThat(out.path("exportCsvLines").asInt()).isEqualTo(1 + 5); // header + completed jobs
        JsonNode example = out.path("exampleQuery");
        JsonNode direct = get(tenant.liveKey(), "/v1/documents?status=completed&min_confidence=0.9&limit=100")
                .json();
        assertThat(example.path("total").asInt()).isEqualTo(direct.path("total").asInt());
    }

    private String write(String name, byte[] bytes) throws IOException {
        return Files.write(documents.resolve(name), bytes).toString();
    }

    private JsonNode runGuide(String key, String extractorId, List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", HARNESS.toString()));
        command.addAll(files);
        Path errors = Files.createTempFile(documents, "node", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().put("GUIDE_PATH", GUIDE.toString());
        builder.environment().put("DOCEXTRACT_BASE_URL", baseUrl());
        builder.environment().put("DOCEXTRACT_API_KEY", key);
        builder.environment().put("DOCEXTRACT_EXTRACTOR_ID", extractorId);
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(12, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(stdout + Files.readString(errors)).isZero();
        String[] lines = stdout.strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }
}
