package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * End to end through the real server: a PDF submitted through the API is claimed by the
 * in-process workers, extracted by the real engine and completed with its results and cost.
 */
class DocumentProcessingTest extends ServerTestSupport {

    private String extractor(String key) {
        Response response = post(
                key,
                "/v1/extractors",
                Map.of(
                        "name",
                        "Invoices",
                        "document_type",
                        "invoice",
                        "field_definitions",
                        List.of(
                                Map.of(
                                        "name",
                                        "invoice_number",
                                        "type",
                                        "text",
                                        "required",
                                        true,
                                        "description",
                                        "The invoice number"),
                                Map.of("name", "total_amount", "type", "currency", "description", "Total amount due"),
                                Map.of("name", "invoice_date", "type", "date", "description", "Date of issue"))));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private JsonNode submitAndWait(String key, String extractorId, byte[] document) {
        Response submitted = post(
                key,
                "/v1/documents",
                Map.of(
                        "extractor_id",
                        extractorId,
                        "document",
                        Base64.getEncoder().encodeToString(document),
                        "mime_type",
                        "application/pdf",
                        "filename",
                        "invoice.pdf"));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String id = submitted.json().path("id").asString();
        for (int i = 0; i < 6; i++) {
            JsonNode job = get(key, "/v1/documents/" + id + "?wait=30").json();
            if (job.path("status").asString().equals("completed")
                    || job.path("status").asString().equals("failed")) {
                return job;
            }
        }
        throw new AssertionError("job " + id + " did not finish within 3 minutes");
    }

    @Test
    void aSubmittedPdfIsExtractedByTheWorkersAndCompletedWithItsCost() {
        Tenant tenant = newTenant();
        String extractorId = extractor(tenant.liveKey());

        JsonNode job = submitAndWait(tenant.liveKey(), extractorId, TextPdf.invoice("INV-2024-001", "1,250.50"));

        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("extracted_data").path("invoice_number").asString()).isEqualTo("INV-2024-001");
        assertThat(job.path("extracted_data").path("total_amount").decimalValue())
                .isEqualByComparingTo("1250.50");
        assertThat(job.path("page_count").asInt()).isEqualTo(1);
        assertThat(job.path("cost_credits").asInt()).isEqualTo(2);
        assertThat(job.path("error_details").isNull()).isTrue();
        double lowest = Double.MAX_VALUE;
        for (String field : List.of("invoice_number", "total_amount", "invoice_date")) {
            lowest = Math.min(lowest, job.path("confidence").path(field).asDouble());
        }
        assertThat(job.path("confidence_score").asDouble()).isEqualTo(lowest);
        assertThat(job.path("field_locations")
                        .path("invoice_number")
                        .path("page")
                        .asInt())
                .isEqualTo(1);
        long started = Instant.parse(job.path("started_at").asString()).toEpochMilli();
        long completed = Instant.parse(job.path("completed_at").asString()).toEpochMilli();
        assertThat(job.path("processing_time_ms").asLong()).isEqualTo(completed - started);
        // The completion listeners ran in the completing transaction: exactly one usage entry.
        JsonNode transactions =
                get(tenant.liveKey(), "/v1/credits/transactions").json().path("transactions");
        List<JsonNode> usage = new java.util.ArrayList<>();
        transactions.forEach(t -> {
            if (t.path("job_id").asString().equals(job.path("id").asString())) {
                usage.add(t);
            }
        });
        assertThat(usage).singleElement().satisfies(t -> {
            assertThat(t.path("type").asString()).isEqualTo("usage");
            assertThat(t.path("amount").asInt()).isEqualTo(-2);
        });
    }

    @Test
    void testModeJobsRunTheSameEngineAndCostNothing() {
        Tenant tenant = newTenant();
        String extractorId = extractor(tenant.testKey());

        JsonNode job = submitAndWait(tenant.testKey(), extractorId, TextPdf.invoice("T-77", "99.00"));

        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("test_mode").asBoolean()).isTrue();
        assertThat(job.path("cost_credits").asInt()).isZero();
    }

    @Test
    void aBrokenPdfFailsWithTheEngineErrorAtOnce() {
        Tenant tenant = newTenant();
        String extractorId = extractor(tenant.liveKey());

        JsonNode job = submitAndWait(
                tenant.liveKey(),
                extractorId,
                "%PDF-1.7\nthis is not a real PDF body".getBytes(StandardCharsets.US_ASCII));

        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(job.path("error_details").path("code").asString()).isIn("document_corrupt", "document_unreadable");
        assertThat(job.path("error_details").path("suggestion").asString()).isNotBlank();
        assertThat(job.path("cost_credits").asInt()).isZero();
    }
}
