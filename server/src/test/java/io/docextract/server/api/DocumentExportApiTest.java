package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.jobs.JobStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DocumentExportApiTest extends DocumentApiSupport {

    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.DAYS);

    @Test
    void csvHasFixedAndFieldColumnsWithProperQuoting() {
        Tenant tenant = newTenant();
        String extractor = createExtractor(tenant.liveKey());
        insertFinished(
                tenant.orgId(),
                extractor,
                false,
                JobStatus.COMPLETED,
                T0,
                1234,
                "{\"invoice_number\":\"INV, \\\"1\\\"\\nnext\",\"total_amount\":1250.5,"
                        + "\"line_items\":[{\"description\":\"a\",\"amount\":1}]}",
                "{}",
                0.9,
                0.9,
                null,
                2,
                2,
                null);
        insertFinished(
                tenant.orgId(),
                extractor,
                false,
                JobStatus.FAILED,
                T0.plusSeconds(1),
                10,
                null,
                null,
                null,
                null,
                "document_corrupt",
                1,
                0,
                null);

        Response response = get(tenant.liveKey(), "/v1/documents/export?format=csv&order=asc");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("documents.csv");
        List<List<String>> rows = parseCsv(response.text());
        assertThat(rows.get(0))
                .containsExactly(
                        "job_id",
                        "status",
                        "created_at",
                        "completed_at",
                        "processing_time_ms",
                        "cost_credits",
                        "invoice_number",
                        "total_amount",
                        "line_items");
        assertThat(rows).hasSize(3);
        List<String> completed = rows.get(1);
        assertThat(completed.get(1)).isEqualTo("completed");
        assertThat(Instant.parse(completed.get(2))).isEqualTo(T0);
        assertThat(completed.get(4)).isEqualTo("1234");
        assertThat(completed.get(5)).isEqualTo("2");
        assertThat(completed.get(6)).isEqualTo("INV, \"1\"\nnext");
        assertThat(completed.get(7)).isEqualTo("1250.5");
        assertThat(JSON.readTree(completed.get(8)).get(0).path("description").asString())
                .isEqualTo("a");
        List<String> failed = rows.get(2);
        assertThat(failed.get(1)).isEqualTo("failed");
        assertThat(failed.subList(6, 9)).containsOnly("");
    }

    @Test
    void jsonAndNdjsonCarryTypedValuesAndFiltersApply() {
        Tenant tenant = newTenant();
        String extractor = createExtractor(tenant.liveKey());
        Response clash = post(
                tenant.liveKey(),
                "/v1/extractors",
                Map.of("name", "clash", "field_definitions", List.of(Map.of("name", "status", "type", "text"))));
        String clashing = clash.json().path("id").asString();
        insertFinished(
                tenant.orgId(),
                extractor,
                false,
                JobStatus.COMPLETED,
                T0,
                5,
                "{\"invoice_number\":\"A\",\"total_amount\":3}",
                "{}",
                0.9,
                0.9,
                null,
                1,
                2,
                "{\"k\":\"v\"}");
        insertFinished(
                tenant.orgId(),
                clashing,
                false,
                JobStatus.COMPLETED,
                T0.plusSeconds(1),
                5,
                "{\"status\":\"paid\"}",
                "{}",
                0.4,
                0.4,
                null,
                1,
                2,
                null);

        Response json = get(tenant.liveKey(), "/v1/documents/export?format=json&order=asc");
        assertThat(json.header("Content-Type")).startsWith("application/json");
        JsonNode rows = json.json();
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).path("total_amount").asInt()).isEqualTo(3);
        assertThat(rows.get(0).path("invoice_number").asString()).isEqualTo("A");
        assertThat(rows.get(0).path("line_items").isNull()).isTrue();
        assertThat(rows.get(1).path("status").asString()).isEqualTo("completed");
        assertThat(rows.get(1).path("extracted_data.status").asString()).isEqualTo("paid");

        Response ndjson = get(tenant.liveKey(), "/v1/documents/export?format=ndjson&metadata%5Bk%5D=v");
        assertThat(ndjson.header("Content-Type")).startsWith("application/x-ndjson");
        String[] lines = ndjson.text().split("\n");
        assertThat(lines).hasSize(1);
        assertThat(JSON.readTree(lines[0]).path("invoice_number").asString()).isEqualTo("A");

        assertThat(get(tenant.liveKey(), "/v1/documents/export?format=json&min_confidence=0.95")
                        .json()
                        .size())
                .isZero();
        assertThat(get(tenant.liveKey(), "/v1/documents/export?format=xml").errorCode())
                .isEqualTo("validation_error");
        assertThat(get(tenant.liveKey(), "/v1/documents/export?status=nope").errorCode())
                .isEqualTo("validation_error");
    }

    @Test
    void largeExportsPageThroughTiesWithoutLosingOrRepeatingRows() {
        Tenant tenant = newTenant();
        String extractor = createExtractor(tenant.liveKey());
        Set<String> inserted = new HashSet<>();
        for (int i = 0; i < 1_103; i++) {
            // Groups of seven jobs share a creation instant, so pages end inside ties.
            inserted.add(insertFinished(
                            tenant.orgId(),
                            extractor,
                            false,
                            JobStatus.COMPLETED,
                            T0.plusSeconds(i / 7),
                            5,
                            "{\"invoice_number\":\"N" + i + "\"}",
                            "{}",
                            0.9,
                            0.9,
                            null,
                            1,
                            2,
                            null)
                    .id());
        }
        for (String order : List.of("asc", "desc")) {
            String[] lines = get(tenant.liveKey(), "/v1/documents/export?format=ndjson&order=" + order)
                    .text()
                    .split("\n");
            List<String> ids = new ArrayList<>();
            for (String line : lines) {
                ids.add(JSON.readTree(line).path("job_id").asString());
            }
            assertThat(ids).hasSize(1_103).doesNotHaveDuplicates();
            assertThat(new HashSet<>(ids)).isEqualTo(inserted);
        }
    }

    /** A strict RFC 4180 reader for the assertions. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(value.toString());
                value.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(value.toString());
                value.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                value.append(c);
            }
        }
        return rows;
    }
}
