package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.jobs.Job;
import io.docextract.server.jobs.JobStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class DocumentQueryApiTest extends DocumentApiSupport {

    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(10, ChronoUnit.DAYS);

    private Tenant tenant;
    private String invoices;
    private String receipts;
    private final List<Job> jobs = new ArrayList<>();

    /**
     * Ten finished jobs an hour apart (j0 oldest): even ones completed on the invoice extractor,
     * odd ones failed on the receipt extractor, with metadata of every value type.
     */
    @BeforeEach
    void jobs() {
        tenant = newTenant();
        invoices = createExtractor(tenant.liveKey());
        receipts = createExtractor(tenant.liveKey());
        for (int i = 0; i < 10; i++) {
            boolean completed = i % 2 == 0;
            jobs.add(insertFinished(
                    tenant.orgId(),
                    completed ? invoices : receipts,
                    false,
                    completed ? JobStatus.COMPLETED : JobStatus.FAILED,
                    T0.plus(i, ChronoUnit.HOURS),
                    1000 + i,
                    completed ? "{\"invoice_number\":\"INV-" + i + "\"}" : null,
                    completed ? "{\"invoice_number\":0." + (5 + i / 2) + "}" : null,
                    completed ? 0.5 + i / 20.0 : null,
                    completed ? 0.5 + i / 20.0 : null,
                    completed ? null : "document_corrupt",
                    1,
                    completed ? 2 : 0,
                    "{\"customer\":\"c" + (i % 3) + "\",\"n\":" + i + ",\"vip\":" + (i < 5) + ",\"code\":\"0" + i
                            + "\"}"));
        }
        // A test-mode job, never listed with the live key.
        insertFinished(
                tenant.orgId(),
                invoices,
                true,
                JobStatus.COMPLETED,
                T0,
                5,
                "{}",
                "{}",
                0.99,
                0.99,
                null,
                1,
                0,
                "{\"customer\":\"c0\"}");
    }

    private List<String> ids(String query) {
        // Clients send metadata[key] with the brackets percent-encoded (java.net.URI insists).
        Response response = get(
                tenant.liveKey(), "/v1/documents" + query.replace("[", "%5B").replace("]", "%5D"));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("jobs").forEach(job -> ids.add(job.path("id").asString()));
        return ids;
    }

    private List<String> jobIds(int... indexes) {
        List<String> ids = new ArrayList<>();
        for (int i : indexes) {
            ids.add(jobs.get(i).id());
        }
        return ids;
    }

    @Test
    void defaultIsNewestFirstWithExactTotal() {
        JsonNode body = get(tenant.liveKey(), "/v1/documents").json();
        assertThat(body.path("total").asInt()).isEqualTo(10);
        assertThat(body.path("limit").asInt()).isEqualTo(50);
        assertThat(body.path("offset").asInt()).isZero();
        assertThat(body.path("has_more").asBoolean()).isFalse();
        assertThat(ids("")).isEqualTo(jobIds(9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
        assertThat(ids("?order=asc")).isEqualTo(jobIds(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(ids("?order=desc&limit=2")).isEqualTo(jobIds(9, 8));

        JsonNode completed = body.path("jobs").get(1);
        assertThat(completed.path("status").asString()).isEqualTo("completed");
        assertThat(completed.path("extracted_data").path("invoice_number").asString())
                .isEqualTo("INV-8");
        assertThat(completed.path("processing_time_ms").asInt()).isEqualTo(1008);
        assertThat(completed.path("cost_credits").asInt()).isEqualTo(2);
        JsonNode failed = body.path("jobs").get(0);
        assertThat(failed.path("error_details").path("code").asString()).isEqualTo("document_corrupt");
        assertThat(failed.path("error_details").path("message").asString()).isEqualTo("It failed.");
        assertThat(failed.path("extracted_data").isNull()).isTrue();
    }

    @Test
    void paginationEdges() {
        JsonNode first = get(tenant.liveKey(), "/v1/documents?limit=1").json();
        assertThat(first.path("jobs").size()).isEqualTo(1);
        assertThat(first.path("total").asInt()).isEqualTo(10);
        assertThat(first.path("has_more").asBoolean()).isTrue();

        JsonNode last = get(tenant.liveKey(), "/v1/documents?limit=3&offset=9").json();
        assertThat(last.path("jobs").size()).isEqualTo(1);
        assertThat(last.path("has_more").asBoolean()).isFalse();
        assertThat(last.path("offset").asInt()).isEqualTo(9);

        JsonNode exact = get(tenant.liveKey(), "/v1/documents?limit=5&offset=5").json();
        assertThat(exact.path("has_more").asBoolean()).isFalse();

        JsonNode past = get(tenant.liveKey(), "/v1/documents?offset=100").json();
        assertThat(past.path("jobs").size()).isZero();
        assertThat(past.path("total").asInt()).isEqualTo(10);
        assertThat(past.path("has_more").asBoolean()).isFalse();

        JsonNode max = get(tenant.liveKey(), "/v1/documents?limit=1000").json();
        assertThat(max.path("jobs").size()).isEqualTo(10);
        assertThat(max.path("limit").asInt()).isEqualTo(1000);
        // Pages with the same order never overlap or skip.
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 3) {
            paged.addAll(ids("?limit=3&offset=" + offset));
        }
        assertThat(paged).isEqualTo(ids(""));
    }

    @Test
    void filtersAndTheirCombinations() {
        assertThat(ids("?status=completed&order=asc")).isEqualTo(jobIds(0, 2, 4, 6, 8));
        assertThat(ids("?status=failed,completed&order=asc")).hasSize(10);
        assertThat(ids("?status=failed&status=queued&order=asc")).isEqualTo(jobIds(1, 3, 5, 7, 9));
        assertThat(ids("?status=queued")).isEmpty();
        assertThat(ids("?extractor_id=" + receipts + "&order=asc")).isEqualTo(jobIds(1, 3, 5, 7, 9));
        assertThat(ids("?extractor_id=" + invoices + "&status=failed")).isEmpty();

        String after = encode(T0.plus(2, ChronoUnit.HOURS).toString());
        String before = encode(T0.plus(5, ChronoUnit.HOURS).toString());
        // Exclusive bounds: j2 and j5 are exactly on them.
        assertThat(ids("?order=asc&created_after=" + after)).isEqualTo(jobIds(3, 4, 5, 6, 7, 8, 9));
        assertThat(ids("?order=asc&created_before=" + before)).isEqualTo(jobIds(0, 1, 2, 3, 4));
        assertThat(ids("?order=asc&created_after=" + after + "&created_before=" + before))
                .isEqualTo(jobIds(3, 4));
        // Offsets in other notations name the same instants.
        String withOffset = encode(T0.plus(2, ChronoUnit.HOURS)
                .atOffset(java.time.ZoneOffset.ofHours(2))
                .toString());
        assertThat(ids("?order=asc&created_after=" + withOffset)).isEqualTo(jobIds(3, 4, 5, 6, 7, 8, 9));

        assertThat(ids("?order=asc&min_confidence=0.8")).isEqualTo(jobIds(6, 8));
        assertThat(ids("?order=asc&min_confidence=0.7")).isEqualTo(jobIds(4, 6, 8));
        assertThat(ids("?order=asc&min_confidence=0")).isEqualTo(jobIds(0, 2, 4, 6, 8));

        assertThat(ids("?order=asc&status=completed&extractor_id=" + invoices + "&min_confidence=0.6&created_before="
                        + before))
                .isEqualTo(jobIds(2, 4));
        JsonNode combined = get(tenant.liveKey(), "/v1/documents?status=completed&limit=2&offset=1&order=asc")
                .json();
        assertThat(combined.path("total").asInt()).isEqualTo(5);
        assertThat(combined.path("has_more").asBoolean()).isTrue();
    }

    @Test
    void metadataFilteredPagesCountEveryMatch() {
        // customer=c0 matches jobs 0, 3, 6 and 9 (3 and 9 failed).
        JsonNode first = get(tenant.liveKey(), "/v1/documents?metadata%5Bcustomer%5D=c0&limit=3")
                .json();
        assertThat(first.path("jobs").size()).isEqualTo(3);
        assertThat(first.path("total").asInt()).isEqualTo(4);
        assertThat(first.path("has_more").asBoolean()).isTrue();

        JsonNode rest = get(tenant.liveKey(), "/v1/documents?metadata%5Bcustomer%5D=c0&limit=3&offset=3&order=asc")
                .json();
        assertThat(rest.path("jobs").get(0).path("id").asString())
                .isEqualTo(jobIds(9).getFirst());
        assertThat(rest.path("total").asInt()).isEqualTo(4);
        assertThat(rest.path("has_more").asBoolean()).isFalse();

        JsonNode past = get(tenant.liveKey(), "/v1/documents?metadata%5Bcustomer%5D=c0&offset=50")
                .json();
        assertThat(past.path("jobs").size()).isZero();
        assertThat(past.path("total").asInt()).isEqualTo(4);

        JsonNode failed = get(tenant.liveKey(), "/v1/documents?metadata%5Bcustomer%5D=c0&status=failed&limit=1")
                .json();
        assertThat(failed.path("total").asInt()).isEqualTo(2);
        assertThat(get(tenant.liveKey(), "/v1/documents?metadata%5Bcustomer%5D=nobody")
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
    }

    @Test
    void metadataFiltersCompareStringsNumbersAndBooleans() {
        assertThat(ids("?order=asc&metadata[customer]=c0")).isEqualTo(jobIds(0, 3, 6, 9));
        assertThat(ids("?order=asc&metadata%5Bcustomer%5D=c1")).isEqualTo(jobIds(1, 4, 7));
        assertThat(ids("?order=asc&metadata[n]=4")).isEqualTo(jobIds(4));
        assertThat(ids("?order=asc&metadata[vip]=true")).isEqualTo(jobIds(0, 1, 2, 3, 4));
        assertThat(ids("?order=asc&metadata[vip]=false&metadata[customer]=c2")).isEqualTo(jobIds(5, 8));
        // Strings compare exactly: "04" is not 4.
        assertThat(ids("?order=asc&metadata[code]=04")).isEqualTo(jobIds(4));
        assertThat(ids("?metadata[code]=4")).isEmpty();
        assertThat(ids("?metadata[customer]=C0")).isEmpty();
        assertThat(ids("?metadata[missing]=x")).isEmpty();
        assertThat(ids("?order=asc&metadata[customer]=c0&status=failed")).isEqualTo(jobIds(3, 9));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ?limit=0                              | limit
            ?limit=1001                           | limit
            ?limit=ten                            | limit
            ?offset=-1                            | offset
            ?order=newest                         | order
            ?status=done                          | status
            ?status=completed,                    | status
            ?created_after=yesterday              | created_after
            ?created_before=2024-13-01T00:00:00Z  | created_before
            ?min_confidence=1.5                   | min_confidence
            ?min_confidence=high                  | min_confidence
            ?metadata=x                           | metadata
            ?metadata[]=x                         | metadata[]
            """)
    void invalidParametersAreValidationErrors(String query, String field) {
        Response response = get(
                tenant.liveKey(), "/v1/documents" + query.replace("[", "%5B").replace("]", "%5D"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("validation_error");
        assertThat(ExtractorApiTest.fields(response)).containsExactly(field);
    }

    @Test
    void severalInvalidParametersAreAllReported() {
        Response response = get(tenant.liveKey(), "/v1/documents?limit=0&order=x&status=y");
        assertThat(ExtractorApiTest.fields(response)).containsExactlyInAnyOrder("limit", "order", "status");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
