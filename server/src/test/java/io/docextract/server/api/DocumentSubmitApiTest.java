package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.auth.IssuedKey;
import io.docextract.server.auth.Scope;
import io.docextract.server.jobs.Job;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class DocumentSubmitApiTest extends DocumentApiSupport {

    private static final Set<String> JOB_FIELDS = Set.of(
            "id",
            "org_id",
            "extractor_id",
            "extractor_version",
            "status",
            "test_mode",
            "document_url",
            "mime_type",
            "filename",
            "file_size_bytes",
            "page_count",
            "extracted_data",
            "confidence",
            "confidence_score",
            "field_locations",
            "warnings",
            "processing_time_ms",
            "cost_credits",
            "error_details",
            "metadata",
            "created_at",
            "started_at",
            "completed_at");

    @Autowired
    JdbcClient jdbc;

    @Test
    void jsonSubmitAnswers202WithAQueuedJobOfEveryField() {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        JsonNode job = submitPdf(tenant.liveKey(), extractorId, Map.of("customer_id", "cust_123", "n", 5, "ok", true));

        assertThat(job.propertyNames()).containsExactlyInAnyOrderElementsOf(JOB_FIELDS);
        assertThat(job.path("id").asString()).startsWith("job_");
        assertThat(job.path("org_id").asString()).isEqualTo(tenant.orgId());
        assertThat(job.path("extractor_id").asString()).isEqualTo(extractorId);
        assertThat(job.path("extractor_version").asInt()).isEqualTo(1);
        assertThat(job.path("status").asString()).isEqualTo("queued");
        assertThat(job.path("test_mode").asBoolean()).isFalse();
        assertThat(job.path("mime_type").asString()).isEqualTo("application/pdf");
        assertThat(job.path("filename").asString()).isEqualTo("invoice.pdf");
        assertThat(job.path("file_size_bytes").asLong()).isEqualTo(PDF.length);
        assertThat(job.path("metadata").path("customer_id").asString()).isEqualTo("cust_123");
        assertThat(job.path("metadata").path("n").asInt()).isEqualTo(5);
        assertThat(job.path("metadata").path("ok").asBoolean()).isTrue();
        for (String nullUntilRun : List.of(
                "page_count",
                "extracted_data",
                "confidence",
                "confidence_score",
                "field_locations",
                "processing_time_ms",
                "error_details",
                "started_at",
                "completed_at")) {
            assertThat(job.get(nullUntilRun).isNull()).as(nullUntilRun).isTrue();
        }
        assertThat(job.path("warnings").isArray()).isTrue();
        assertThat(job.path("cost_credits").asInt()).isZero();
        assertThat(job.path("created_at").asString()).endsWith("Z");
        assertThat(job.path("document_url").asString())
                .matches("http://localhost:\\d+/v1/files/" + job.path("id").asString()
                        + "\\?expires=\\d+&signature=[0-9a-f]{64}");

        // The stored bytes come back through the signed link, without a key.
        Response file = get(null, job.path("document_url").asString());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.bytes()).isEqualTo(PDF);
        assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(file.header("Content-Disposition")).contains("attachment").contains("invoice.pdf");

        // Unless a worker has taken it up meanwhile, GET answers the same job.
        JsonNode read = get(tenant.liveKey(), "/v1/documents/" + job.path("id").asString())
                .json();
        assertThat(read.path("id").asString()).isEqualTo(job.path("id").asString());
        assertThat(read.propertyNames()).containsExactlyInAnyOrderElementsOf(JOB_FIELDS);
        assertThat(read.path("created_at").asString())
                .isEqualTo(job.path("created_at").asString());
    }

    @Test
    void multipartSubmitSniffsTheTypeAndTakesMetadataAsJsonText() {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        Response response = multipart(
                tenant.liveKey(),
                Map.of("extractor_id", extractorId, "metadata", "{\"batch\":\"b1\",\"n\":2}"),
                "scan.png",
                "application/octet-stream",
                TestDocuments.png());
        assertThat(response.status()).as(response.text()).isEqualTo(202);
        JsonNode job = response.json();
        assertThat(job.path("mime_type").asString()).isEqualTo("image/png");
        assertThat(job.path("filename").asString()).isEqualTo("scan.png");
        assertThat(job.path("metadata").path("batch").asString()).isEqualTo("b1");
        assertThat(get(null, job.path("document_url").asString()).bytes()).isEqualTo(TestDocuments.png());

        Response csv = multipart(
                tenant.liveKey(), Map.of("extractor_id", extractorId), "rows.csv", "text/csv", "a,b\n1,2\n".getBytes());
        assertThat(csv.json().path("mime_type").asString()).isEqualTo("text/csv");

        Response declared = multipart(
                tenant.liveKey(),
                Map.of("extractor_id", extractorId, "mime_type", "image/jpeg"),
                "scan.png",
                "image/png",
                TestDocuments.png());
        assertThat(declared.status()).isEqualTo(400);
        assertThat(declared.errorCode()).isEqualTo("mime_type_mismatch");

        Response unknown = multipart(
                tenant.liveKey(), Map.of("extractor_id", extractorId), "x.bin", "application/octet-stream", new byte[] {
                    0, 1, 2, 3, 0, 0, 9
                });
        assertThat(unknown.status()).isEqualTo(415);
        assertThat(unknown.errorCode()).isEqualTo("unsupported_file_type");

        Response noFile = multipart(tenant.liveKey(), Map.of("extractor_id", extractorId), null, null, null);
        assertThat(noFile.errorCode()).isEqualTo("validation_error");
        assertThat(ExtractorApiTest.fields(noFile)).containsExactly("file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad base64         | {"extractor_id":"EXT","document":"%%%not base64","mime_type":"application/pdf"} | 400 | invalid_document_encoding
            not json           | {"extractor_id":                                                              | 400 | invalid_json
            array body         | []                                                                           | 400 | invalid_json
            content after body | {"extractor_id":"EXT","document":"PDF","mime_type":"application/pdf"} []      | 400 | invalid_json
            document unclosed  | {"extractor_id":"EXT","mime_type":"application/pdf","document":"PDF"         | 400 | invalid_json
            wrong declared type| {"extractor_id":"EXT","document":"PNG","mime_type":"application/pdf"}         | 400 | mime_type_mismatch
            unsupported type   | {"extractor_id":"EXT","document":"PDF","mime_type":"application/zip"}         | 415 | unsupported_file_type
            unknown extractor  | {"extractor_id":"ext_nope","document":"PDF","mime_type":"application/pdf"}    | 404 | extractor_not_found
            missing everything | {}                                                                           | 400 | validation_error
            document not string| {"extractor_id":"EXT","document":5,"mime_type":"application/pdf"}             | 400 | validation_error
            """)
    void submitErrors(String label, String bodyTemplate, int status, String code) {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        String body = bodyTemplate
                .replace("EXT", extractorId)
                .replace("\"PNG\"", "\"" + Base64.getEncoder().encodeToString(TestDocuments.png()) + "\"")
                .replace("\"PDF\"", "\"" + Base64.getEncoder().encodeToString(PDF) + "\"");
        Response response = post(tenant.liveKey(), "/v1/documents", body);
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.header("X-Request-Id")).startsWith("req_");
    }

    @Test
    void validationErrorsListEveryProblem() {
        Tenant tenant = newTenant();
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("k".repeat(41), "x");
        metadata.put("long", "v".repeat(501));
        metadata.put("nested", Map.of("a", 1));
        metadata.put("list", List.of(1));
        metadata.put("nothing", null);
        Map<String, Object> body = new HashMap<>();
        body.put("document", Base64.getEncoder().encodeToString(PDF));
        body.put("metadata", metadata);
        Response response = post(tenant.liveKey(), "/v1/documents", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(ExtractorApiTest.fields(response))
                .containsExactlyInAnyOrder(
                        "extractor_id",
                        "mime_type",
                        "metadata." + "k".repeat(41),
                        "metadata.long",
                        "metadata.nested",
                        "metadata.list",
                        "metadata.nothing");

        Map<String, Object> tooMany = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            tooMany.put("k" + i, i);
        }
        Map<String, Object> many = submitBody(createExtractor(tenant.liveKey()), PDF, "application/pdf");
        many.put("metadata", tooMany);
        assertThat(ExtractorApiTest.fields(post(tenant.liveKey(), "/v1/documents", many)))
                .containsExactly("metadata");
        many.put("metadata", "not an object");
        assertThat(ExtractorApiTest.fields(post(tenant.liveKey(), "/v1/documents", many)))
                .containsExactly("metadata");
    }

    /**
     * A body of known length has its base64 decoded in place by the JDK, a chunked one by the
     * JSON parser: every spelling of the text must get the same answer and the same bytes.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain             | PLAIN
            escaped slashes   | ESCAPED
            MIME line breaks  | LINES
            no padding        | UNPADDED
            spaces            | SPACES
            not base64        | BROKEN
            empty             | EMPTY
            """)
    void base64IsReadAlikeWholeAndStreamed(String label, String spelling) {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        // 220 bytes, one over a multiple of three: the text ends "==", so every spelling differs.
        // (0xff 0xff 0xff is "////" in base64, 0xfb 0xef 0xbe "++++".)
        byte[] document = ("%PDF-1.4 \u00ff\u00ff\u00ff\u00fb\u00ef\u00be" + "x".repeat(200) + "%%EOF")
                .getBytes(StandardCharsets.ISO_8859_1);
        String base64 = Base64.getEncoder().encodeToString(document);
        String text = switch (spelling) {
            case "PLAIN" -> base64;
            case "ESCAPED" -> base64.replace("/", "\\/");
            case "LINES" -> base64.replaceAll("(.{76})", "$1\\\\n");
            case "UNPADDED" -> base64.replace("=", "");
            case "SPACES" -> base64.replaceAll("(.{40})", "$1 ");
            case "BROKEN" -> base64.substring(0, 40) + "!!!!" + base64.substring(44);
            case "EMPTY" -> "";
            default -> throw new IllegalArgumentException(spelling);
        };
        assertThat(spelling.equals("PLAIN") || !text.equals(base64)).isTrue();
        byte[] body = ("{\"extractor_id\":\"" + extractorId + "\",\"mime_type\":\"application/pdf\",\"document\":\""
                        + text + "\",\"metadata\":{\"after\":\"document\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Response whole = send(
                tenant.liveKey(),
                HttpRequest.newBuilder(uri("/v1/documents"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        Response streamed = send(
                tenant.liveKey(),
                HttpRequest.newBuilder(uri("/v1/documents"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertThat(whole.status()).as(whole.text()).isEqualTo(streamed.status());
        assertThat(whole.errorCode()).isEqualTo(streamed.errorCode());
        if (spelling.equals("PLAIN") || spelling.equals("ESCAPED") || spelling.equals("LINES")) {
            assertThat(whole.status()).isEqualTo(202);
        }
        if (whole.status() == 202) {
            assertThat(whole.json().path("metadata").path("after").asString()).isEqualTo("document");
            assertThat(get(null, whole.json().path("document_url").asString()).bytes())
                    .isEqualTo(get(null, streamed.json().path("document_url").asString())
                            .bytes())
                    .isEqualTo(document);
        }
    }

    @Test
    void oversizedDocumentsAre413() {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        // Content-Length over the limit is refused before the body is read.
        byte[] huge = new byte[80 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'A');
        Response early = send(
                tenant.liveKey(),
                HttpRequest.newBuilder(uri("/v1/documents"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
        assertThat(early.status()).isEqualTo(413);
        assertThat(early.errorCode()).isEqualTo("file_too_large");

        // Decoded over 50 MB, sent chunked (no Content-Length).
        byte[] prefix = ("{\"extractor_id\":\"" + extractorId + "\",\"mime_type\":\"text/plain\",\"document\":\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] base64 = new byte[70_000_000];
        Arrays.fill(base64, (byte) 'Q');
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        Response decoded = send(
                tenant.liveKey(),
                HttpRequest.newBuilder(uri("/v1/documents"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                                        new java.io.ByteArrayInputStream(prefix),
                                        new java.io.ByteArrayInputStream(base64),
                                        new java.io.ByteArrayInputStream(suffix)))))));
        assertThat(decoded.status()).isEqualTo(413);
        assertThat(decoded.errorCode()).isEqualTo("file_too_large");
    }

    @Test
    void idempotencyKeyReplaysTheOriginalAndRefusesADifferentBody() {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        Map<String, Object> body = submitBody(extractorId, PDF, "application/pdf");
        body.put("metadata", Map.of("a", 1, "b", "x"));

        Response first = postWithKey(tenant.liveKey(), body, "order-42");
        assertThat(first.status()).isEqualTo(202);
        Map<String, Object> reordered = submitBody(extractorId, PDF, "application/pdf");
        reordered.put("metadata", new java.util.TreeMap<>(Map.of("b", "x", "a", 1)).descendingMap());
        Response again = postWithKey(tenant.liveKey(), reordered, "order-42");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(get(tenant.liveKey(), "/v1/extractors/" + extractorId)
                        .json()
                        .path("usage_count")
                        .asInt())
                .isEqualTo(1);

        body.put("filename", "other.pdf");
        Response conflict = postWithKey(tenant.liveKey(), body, "order-42");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("idempotency_conflict");

        // Keys are per mode: the test key's "order-42" is a different key.
        assertThat(postWithKey(tenant.testKey(), body, "order-42").status()).isEqualTo(202);

        Response tooLong = postWithKey(tenant.liveKey(), body, "k".repeat(256));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(ExtractorApiTest.fields(tooLong)).containsExactly("Idempotency-Key");
    }

    @Test
    void concurrentSubmitsAreCommittedBeforeTheyAreAcknowledged() throws Exception {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        byte[] text = "Invoice INV-7 total 12.00 EUR".getBytes(StandardCharsets.UTF_8);
        int distinct = 20;
        int repeats = 4;
        List<java.util.concurrent.Callable<Response>> submits = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            Map<String, Object> body = submitBody(extractorId, text, "text/plain");
            body.put("metadata", Map.of("n", "n" + i));
            submits.add(() -> post(tenant.liveKey(), "/v1/documents", body));
        }
        Map<String, Object> repeated = submitBody(extractorId, text, "text/plain");
        repeated.put("metadata", Map.of("n", "repeated"));
        for (int i = 0; i < repeats; i++) {
            submits.add(() -> postWithKey(tenant.liveKey(), repeated, "same-order"));
        }

        List<Response> answers = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (var answer : threads.invokeAll(submits)) {
                answers.add(answer.get());
            }
        }

        for (int i = 0; i < distinct; i++) {
            Response answer = answers.get(i);
            assertThat(answer.status()).as(answer.text()).isEqualTo(202);
            // Acknowledged means committed: the job and its metadata are readable at once.
            String id = answer.json().path("id").asString();
            assertThat(get(tenant.liveKey(), "/v1/documents/" + id).status()).isEqualTo(200);
            JsonNode listed =
                    get(tenant.liveKey(), "/v1/documents?metadata%5Bn%5D=n" + i).json();
            assertThat(listed.path("total").asLong()).isEqualTo(1);
            assertThat(listed.path("jobs").get(0).path("id").asString()).isEqualTo(id);
        }
        List<Response> repeatedAnswers = answers.subList(distinct, distinct + repeats);
        assertThat(repeatedAnswers.stream().map(Response::status))
                .containsOnly(200, 202)
                .containsOnlyOnce(202);
        assertThat(repeatedAnswers.stream()
                        .map(answer -> answer.json().path("id").asString())
                        .distinct())
                .hasSize(1);
        assertThat(get(tenant.liveKey(), "/v1/extractors/" + extractorId)
                        .json()
                        .path("usage_count")
                        .asInt())
                .isEqualTo(distinct + 1);
    }

    @Test
    void testAndLiveJobsAreSeparate() {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        JsonNode testJob = submitPdf(tenant.testKey(), extractorId, null);
        JsonNode liveJob = submitPdf(tenant.liveKey(), extractorId, null);
        assertThat(testJob.path("test_mode").asBoolean()).isTrue();
        assertThat(liveJob.path("test_mode").asBoolean()).isFalse();

        assertThat(get(tenant.liveKey(), "/v1/documents/" + testJob.path("id").asString())
                        .errorCode())
                .isEqualTo("job_not_found");
        assertThat(get(tenant.testKey(), "/v1/documents/" + liveJob.path("id").asString())
                        .status())
                .isEqualTo(404);
        assertThat(get(tenant.testKey(), "/v1/documents").json().path("total").asInt())
                .isEqualTo(1);
        assertThat(get(tenant.liveKey(), "/v1/documents")
                        .json()
                        .path("jobs")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(liveJob.path("id").asString());
    }

    @Test
    void anotherOrganizationsJobIsNotFound() {
        Tenant owner = newTenant();
        Tenant other = newTenant();
        String extractorId = createExtractor(owner.liveKey());
        String jobId = submitPdf(owner.liveKey(), extractorId, null).path("id").asString();

        for (Response response : List.of(
                get(other.liveKey(), "/v1/documents/" + jobId),
                delete(other.liveKey(), "/v1/documents/" + jobId),
                post(other.liveKey(), "/v1/documents/" + jobId + "/reprocess", Map.of()))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("job_not_found");
        }
        assertThat(get(other.liveKey(), "/v1/documents").json().path("total").asInt())
                .isZero();
    }

    @Test
    void scopesAreEnforced() {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        String jobId = submitPdf(tenant.liveKey(), extractorId, null).path("id").asString();
        IssuedKey readOnly = access.issueKey(tenant.orgId(), "ro", false, Set.of(Scope.DOCUMENTS_READ));
        IssuedKey extractorsOnly = access.issueKey(tenant.orgId(), "ex", false, Set.of(Scope.EXTRACTORS_READ));

        assertThat(get(readOnly.secret(), "/v1/documents/" + jobId).status()).isEqualTo(200);
        assertThat(get(readOnly.secret(), "/v1/documents").status()).isEqualTo(200);
        assertThat(post(readOnly.secret(), "/v1/documents", submitBody(extractorId, PDF, "application/pdf"))
                        .errorCode())
                .isEqualTo("insufficient_scope");
        assertThat(delete(readOnly.secret(), "/v1/documents/" + jobId).status()).isEqualTo(403);
        assertThat(post(readOnly.secret(), "/v1/documents/" + jobId + "/reprocess", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(get(extractorsOnly.secret(), "/v1/documents/" + jobId).errorCode())
                .isEqualTo("insufficient_scope");
        assertThat(get(extractorsOnly.secret(), "/v1/documents/stats").status()).isEqualTo(403);
    }

    @Test
    void waitLongPollsUntilTheJobFinishesOrTheTimeIsUp() {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        Job parked = insertParkedQueued(tenant.orgId(), extractorId, false);

        long start = System.nanoTime();
        Response timedOut = get(tenant.liveKey(), "/v1/documents/" + parked.id() + "?wait=1");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(timedOut.status()).isEqualTo(200);
        assertThat(timedOut.json().path("status").asString()).isEqualTo("queued");
        assertThat(elapsedMs).isBetween(900L, 5_000L);

        // Finished by "another process" while a reader waits: the reader answers well before its wait is over.
        Thread finisher = Thread.ofVirtual().start(() -> {
            sleep(700);
            jdbc.sql("UPDATE jobs SET status = 'completed', started_at = ?, completed_at = ?, confidence_score = 0.9"
                            + " WHERE id = ?")
                    .params(System.currentTimeMillis() - 500, System.currentTimeMillis(), parked.id())
                    .update();
        });
        start = System.nanoTime();
        Response finished = get(tenant.liveKey(), "/v1/documents/" + parked.id() + "?wait=30");
        elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(finished.json().path("status").asString()).isEqualTo("completed");
        assertThat(finished.json().path("processing_time_ms").asLong()).isBetween(400L, 600L);
        assertThat(elapsedMs).isBetween(600L, 10_000L);
        join(finisher);

        // A finished job answers at once.
        start = System.nanoTime();
        get(tenant.liveKey(), "/v1/documents/" + parked.id() + "?wait=60");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);

        for (String bad : List.of("61", "-1", "soon")) {
            Response response = get(tenant.liveKey(), "/v1/documents/" + parked.id() + "?wait=" + bad);
            assertThat(response.status()).isEqualTo(400);
            assertThat(ExtractorApiTest.fields(response)).containsExactly("wait");
        }
        assertThat(get(tenant.liveKey(), "/v1/documents/job_nope?wait=1").errorCode())
                .isEqualTo("job_not_found");
    }

    @Test
    void deleteRemovesFinishedJobsAndRefusesUnfinishedOnes() {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        Job parked = insertParkedQueued(tenant.orgId(), extractorId, false);
        Response refused = delete(tenant.liveKey(), "/v1/documents/" + parked.id());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("job_not_finished");

        JsonNode job = submitPdf(tenant.liveKey(), extractorId, null);
        String id = job.path("id").asString();
        String url = job.path("document_url").asString();
        jdbc.sql("UPDATE jobs SET status = 'failed', error_code = 'document_corrupt' WHERE id = ?")
                .param(id)
                .update();
        assertThat(delete(tenant.liveKey(), "/v1/documents/" + id).status()).isEqualTo(204);
        assertThat(get(tenant.liveKey(), "/v1/documents/" + id).errorCode()).isEqualTo("job_not_found");
        assertThat(get(null, url).status()).isEqualTo(404);
        assertThat(delete(tenant.liveKey(), "/v1/documents/" + id).status()).isEqualTo(404);
    }

    @Test
    void signedLinksRefuseTamperingAndExpiry() {
        Tenant tenant = newTenant();
        Tenant other = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        String url = submitPdf(tenant.liveKey(), extractorId, null)
                .path("document_url")
                .asString();
        String otherUrl = submitPdf(other.liveKey(), createExtractor(other.liveKey()), null)
                .path("document_url")
                .asString();
        String jobId = url.substring(url.indexOf("/v1/files/") + 10, url.indexOf('?'));
        String otherJob = otherUrl.substring(otherUrl.indexOf("/v1/files/") + 10, otherUrl.indexOf('?'));
        String signature = url.substring(url.indexOf("signature=") + 10);
        long expires = Long.parseLong(url.substring(url.indexOf("expires=") + 8, url.indexOf('&')));

        List<String> bad = new ArrayList<>();
        bad.add(url.replace("signature=" + signature, "signature=" + flip(signature)));
        bad.add(url.replace("expires=" + expires, "expires=" + (expires + 3600)));
        bad.add(url.replace(jobId, otherJob)); // another job with this job's signature
        bad.add("/v1/files/" + jobId);
        bad.add("/v1/files/" + jobId + "?expires=" + expires);
        bad.add("/v1/files/" + jobId + "?expires=soon&signature=" + signature);
        for (String link : bad) {
            Response response = get(null, link);
            assertThat(response.status()).as(link).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("not_found");
        }
        assertThat(get(null, url).status()).isEqualTo(200);
        assertThat(get(null, otherUrl).status()).isEqualTo(200);
    }

    @Test
    void reprocessMakesANewJobOnTheSameBytes() {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        String otherExtractor = createExtractor(tenant.liveKey());
        JsonNode original = submitPdf(tenant.liveKey(), extractorId, Map.of("customer", "c1"));

        Response same =
                post(tenant.liveKey(), "/v1/documents/" + original.path("id").asString() + "/reprocess", "");
        assertThat(same.status()).as(same.text()).isEqualTo(202);
        assertThat(same.json().path("id").asString())
                .isNotEqualTo(original.path("id").asString());
        assertThat(same.json().path("extractor_id").asString()).isEqualTo(extractorId);
        assertThat(same.json().path("metadata").path("reprocessed_from").asString())
                .isEqualTo(original.path("id").asString());
        assertThat(same.json().path("metadata").path("customer").asString()).isEqualTo("c1");
        assertThat(same.json().path("status").asString()).isEqualTo("queued");
        assertThat(get(null, same.json().path("document_url").asString()).bytes())
                .isEqualTo(PDF);

        Response switched = post(
                tenant.liveKey(),
                "/v1/documents/" + original.path("id").asString() + "/reprocess",
                Map.of("extractor_id", otherExtractor));
        assertThat(switched.json().path("extractor_id").asString()).isEqualTo(otherExtractor);

        assertThat(post(
                                tenant.liveKey(),
                                "/v1/documents/" + original.path("id").asString() + "/reprocess",
                                Map.of("extractor_id", "ext_nope"))
                        .errorCode())
                .isEqualTo("extractor_not_found");
    }

    @Test
    void batchSubmitsEachItemAlone() {
        Tenant tenant = newTenant();
        String extractorId = createExtractor(tenant.liveKey());
        List<Object> documents = new ArrayList<>();
        documents.add(submitBody(extractorId, PDF, "application/pdf"));
        documents.add(submitBody("ext_nope", PDF, "application/pdf"));
        Map<String, Object> badBase64 = submitBody(extractorId, PDF, "application/pdf");
        badBase64.put("document", "@@@");
        documents.add(badBase64);
        documents.add(submitBody(extractorId, TestDocuments.png(), "image/png"));
        documents.add("not an object");

        Response response = post(tenant.liveKey(), "/v1/documents/batch", Map.of("documents", documents));
        assertThat(response.status()).as(response.text()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(body.path("jobs").size()).isEqualTo(2);
        assertThat(body.path("jobs").get(1).path("mime_type").asString()).isEqualTo("image/png");
        assertThat(body.path("errors").size()).isEqualTo(3);
        assertThat(body.path("errors").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(body.path("errors").get(0).path("error").path("code").asString())
                .isEqualTo("extractor_not_found");
        assertThat(body.path("errors").get(1).path("index").asInt()).isEqualTo(2);
        assertThat(body.path("errors").get(1).path("error").path("code").asString())
                .isEqualTo("invalid_document_encoding");
        assertThat(body.path("errors").get(2).path("index").asInt()).isEqualTo(4);

        assertThat(post(tenant.liveKey(), "/v1/documents/batch", Map.of("documents", List.of()))
                        .errorCode())
                .isEqualTo("validation_error");
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.of());
        }
        assertThat(post(tenant.liveKey(), "/v1/documents/batch", Map.of("documents", tooMany))
                        .errorCode())
                .isEqualTo("validation_error");
    }

    private Response postWithKey(String key, Object body, String idempotencyKey) {
        return send(
                key,
                HttpRequest.newBuilder(uri("/v1/documents"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Response multipart(String key, Map<String, String> fields, String filename, String contentType, byte[] file) {
        String boundary = "----docextract" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(
                key,
                HttpRequest.newBuilder(uri("/v1/documents"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private static String flip(String hex) {
        char first = hex.charAt(0);
        return (first == '0' ? '1' : '0') + hex.substring(1);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
