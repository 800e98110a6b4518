package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionResult;
import io.docextract.engine.ExtractionWarning;
import io.docextract.engine.FieldLocation;
import io.docextract.engine.layout.Box;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/** The job state machine, retry rules, error mapping and the stored result shape. */
class JobRulesTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "QUEUED, QUEUED, false",
        "QUEUED, PROCESSING, true",
        "QUEUED, COMPLETED, false",
        "QUEUED, FAILED, false",
        "PROCESSING, QUEUED, true", // lease expired, retry, shutdown release
        "PROCESSING, PROCESSING, false",
        "PROCESSING, COMPLETED, true",
        "PROCESSING, FAILED, true",
        "COMPLETED, QUEUED, false",
        "COMPLETED, PROCESSING, false",
        "COMPLETED, FAILED, false",
        "FAILED, QUEUED, false",
        "FAILED, PROCESSING, false",
        "FAILED, COMPLETED, false",
    })
    void statusMovesOnlyAlongTheLifecycle(JobStatus from, JobStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "after attempt {0}: retry {1}, delay {2} ms")
    @CsvSource({
        "1, true, 5000",
        "2, true, 10000",
        "3, false, 20000",
    })
    void retryableErrorsAreRetriedWithDoublingDelaysWhileAttemptsRemain(int attempts, boolean retries, long delayMs) {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofMinutes(5));

        assertThat(policy.retries(JobErrorCode.INTERNAL_ERROR, attempts)).isEqualTo(retries);
        assertThat(policy.delayAfter(attempts)).isEqualTo(Duration.ofMillis(delayMs));
    }

    @Test
    void retryDelayIsCapped() {
        RetryPolicy policy = new RetryPolicy(100, Duration.ofSeconds(5), Duration.ofMinutes(5));

        assertThat(policy.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(99)).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @EnumSource(ExtractionErrorCode.class)
    void everyEngineErrorMapsToTheJobErrorWithTheSameCodeAndRetryability(ExtractionErrorCode engineCode) {
        JobErrorCode code = JobErrorCode.of(engineCode);

        assertThat(code.code()).isEqualTo(engineCode.code());
        assertThat(code.retryable()).isEqualTo(engineCode.retryable());
        assertThat(code.suggestion()).isEqualTo(engineCode.suggestion());
    }

    @Test
    void permanentErrorsAreNeverRetried() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(policy.retries(JobErrorCode.DOCUMENT_CORRUPT, 1)).isFalse();
        assertThat(policy.retries(JobErrorCode.WORKER_LOST, 1)).isFalse();
        assertThat(JobErrorCode.WORKER_LOST.code()).isEqualTo("worker_lost");
    }

    @Test
    void aResultIsStoredInTheApiShapesWithLowestAndMeanTopLevelConfidence() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invoice_number", "INV-1");
        data.put("total_amount", new BigDecimal("1250.50"));
        data.put("po_number", null);
        data.put("line_items", List.of(Map.of("amount", new BigDecimal("10.00"))));
        Map<String, Double> confidence = new LinkedHashMap<>();
        confidence.put("invoice_number", 0.9);
        confidence.put("total_amount", 0.8);
        confidence.put("po_number", 0.0);
        confidence.put("line_items", 0.7);
        confidence.put("line_items[0].amount", 0.1); // nested paths refine, they do not count twice
        ExtractionResult result = new ExtractionResult(
                data,
                confidence,
                Map.of("invoice_number", new FieldLocation(1, new Box(0.6, 0.08, 0.79, 0.1), "INV-1")),
                List.of(new ExtractionWarning("required_field_missing", "po_number", null)),
                2);

        StoredResult stored = StoredResult.of(result, JsonMapper.builder().build());

        assertThat(stored.pageCount()).isEqualTo(2);
        assertThat(stored.extractedData())
                .isEqualTo("{\"invoice_number\":\"INV-1\",\"total_amount\":1250.50,\"po_number\":null,"
                        + "\"line_items\":[{\"amount\":10.00}]}");
        assertThat(stored.confidenceScore()).isEqualTo(0.0);
        assertThat(stored.meanConfidence()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stored.fieldLocations())
                .isEqualTo("{\"invoice_number\":{\"page\":1,\"bbox\":[0.6,0.08,0.79,0.1],\"text\":\"INV-1\"}}");
        assertThat(stored.warnings()).isEqualTo("[{\"code\":\"required_field_missing\",\"field\":\"po_number\"}]");
    }
}
