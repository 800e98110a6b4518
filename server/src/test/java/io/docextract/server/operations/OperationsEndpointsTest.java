package io.docextract.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OperationsEndpointsTest extends ServerTestSupport {

    @Test
    void healthzAnswersWithoutAKey() {
        Response response = get(null, "/healthz");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("ok");
    }

    @Test
    void readyzReportsTheDatabaseAndOcr() {
        Response response = get(null, "/readyz");

        JsonNode checks = response.json().path("checks");
        assertThat(checks.path("database").path("status").asString()).isEqualTo("up");
        // The test machine has Tesseract (the engine's OCR tests need it too).
        assertThat(checks.path("ocr").path("status").asString()).isEqualTo("up");
        assertThat(checks.path("ocr").path("detail").asString()).contains("eng");
        assertThat(checks.path("traffic").path("status").asString()).isEqualTo("up");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("ready");
    }

    @Test
    void metricsExposeJobGaugesCountersAndTheProcessingHistogram() {
        Response response = get(null, "/metrics");

        assertThat(response.status()).isEqualTo(200);
        String text = response.text();
        for (String status : new String[] {"queued", "processing", "completed", "failed"}) {
            assertThat(text).containsPattern("docextract_jobs\\{[^}]*status=\"" + status + "\"[^}]*} \\d");
        }
        assertThat(text)
                .containsPattern("docextract_jobs_queue_depth(\\{[^}]*})? \\d")
                .contains("docextract_job_processing_seconds_bucket{")
                .containsPattern("docextract_extraction_errors_total\\{[^}]*code=\"document_corrupt\"")
                .containsPattern("docextract_extraction_errors_total\\{[^}]*code=\"worker_lost\"")
                .contains("docextract_jobs_finished_total{")
                .contains("docextract_workers_busy");
    }
}
