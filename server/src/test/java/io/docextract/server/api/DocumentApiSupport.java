package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import io.docextract.server.jobs.Job;
import io.docextract.server.jobs.JobRepository;
import io.docextract.server.jobs.JobStatus;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Helpers for the extractor and document API tests (no configuration of its own, so the shared
 * context is reused).
 */
abstract class DocumentApiSupport extends ServerTestSupport {

    static final byte[] PDF = TestDocuments.pdf("Invoice INV-001", "Total 12.50 EUR");

    @Autowired
    protected JobRepository jobRepository;

    static Map<String, Object> invoiceExtractor(String name) {
        return Map.of(
                "name",
                name,
                "document_type",
                "invoice",
                "description",
                "Supplier invoices",
                "field_definitions",
                List.of(
                        Map.of("name", "invoice_number", "type", "text", "required", true, "description", "The id"),
                        Map.of("name", "total_amount", "type", "currency", "description", "Total due"),
                        Map.of(
                                "name",
                                "line_items",
                                "type",
                                "array",
                                "items",
                                Map.of(
                                        "type",
                                        "object",
                                        "properties",
                                        List.of(
                                                Map.of("name", "description", "type", "text"),
                                                Map.of("name", "amount", "type", "currency"))))));
    }

    String createExtractor(String key) {
        Response response = post(key, "/v1/extractors", invoiceExtractor("Invoices"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    static Map<String, Object> submitBody(String extractorId, byte[] document, String mimeType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("extractor_id", extractorId);
        body.put("document", Base64.getEncoder().encodeToString(document));
        body.put("mime_type", mimeType);
        return body;
    }

    JsonNode submitPdf(String key, String extractorId, Map<String, Object> metadata) {
        Map<String, Object> body = submitBody(extractorId, PDF, "application/pdf");
        body.put("filename", "invoice.pdf");
        if (metadata != null) {
            body.put("metadata", metadata);
        }
        Response response = post(key, "/v1/documents", body);
        assertThat(response.status()).as(response.text()).isEqualTo(202);
        return response.json();
    }

    /**
     * A queued job no worker will claim for a day (its run_after is in the future), so that tests
     * can observe a job that is not finished whatever runs in the background.
     */
    Job insertParkedQueued(String orgId, String extractorId, boolean testMode) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String id = io.docextract.server.Ids.newId("job");
        Job job = Job.queued(
                id,
                orgId,
                extractorId,
                1,
                null,
                testMode,
                "application/pdf",
                "parked.pdf",
                PDF.length,
                null,
                "{}",
                now);
        jobRepository.insert(new Job(
                job.id(),
                job.orgId(),
                job.extractorId(),
                job.extractorVersion(),
                null,
                JobStatus.QUEUED,
                testMode,
                job.mimeType(),
                job.filename(),
                job.fileSizeBytes(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                "{}",
                0,
                now.plus(java.time.Duration.ofDays(1)),
                null,
                null,
                0,
                now,
                null,
                null));
        return job;
    }

    /**
     * A finished job written straight through the repository (running jobs is the worker's part),
     * with the given results.
     */
    Job insertFinished(
            String orgId,
            String extractorId,
            boolean testMode,
            JobStatus status,
            Instant createdAt,
            long processingMs,
            String extractedData,
            String confidence,
            Double confidenceScore,
            Double meanConfidence,
            String errorCode,
            int pages,
            int credits,
            String metadata) {
        String id = io.docextract.server.Ids.newId("job");
        Instant started = createdAt.plusMillis(100);
        Job job = new Job(
                id,
                orgId,
                extractorId,
                1,
                null,
                status,
                testMode,
                "application/pdf",
                "inserted.pdf",
                123,
                null,
                pages,
                extractedData,
                confidence,
                confidenceScore,
                meanConfidence,
                status == JobStatus.COMPLETED ? "{}" : null,
                status == JobStatus.COMPLETED ? "[]" : null,
                processingMs,
                credits,
                errorCode,
                errorCode == null ? null : "It failed.",
                errorCode == null ? null : "Try another file.",
                metadata == null ? "{}" : metadata,
                1,
                createdAt,
                null,
                null,
                2,
                createdAt,
                started,
                started.plusMillis(processingMs));
        jobRepository.insert(job);
        return job;
    }
}
