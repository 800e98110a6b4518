package io.docextract.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The generated OpenAPI description covers every operation of the contract (API.md). */
class OpenApiTest extends ServerTestSupport {

    private static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("/v1/extractors", List.of("get", "post")),
            Map.entry("/v1/extractors/{id}", List.of("get", "patch", "delete")),
            Map.entry("/v1/documents", List.of("get", "post")),
            Map.entry("/v1/documents/{id}", List.of("get", "delete")),
            Map.entry("/v1/documents/stats", List.of("get")),
            Map.entry("/v1/documents/export", List.of("get")),
            Map.entry("/v1/documents/batch", List.of("post")),
            Map.entry("/v1/documents/{id}/reprocess", List.of("post")),
            Map.entry("/v1/credits", List.of("get")),
            Map.entry("/v1/credits/transactions", List.of("get")),
            Map.entry("/v1/webhooks", List.of("get", "post")),
            Map.entry("/v1/webhooks/{id}", List.of("get", "patch", "delete")),
            Map.entry("/v1/webhooks/{id}/deliveries", List.of("get")),
            Map.entry("/v1/webhooks/{id}/test", List.of("post")),
            Map.entry("/v1/webhook_deliveries/{id}/retry", List.of("post")),
            Map.entry("/healthz", List.of("get")),
            Map.entry("/readyz", List.of("get")));

    @Test
    void describesEveryOperationOfTheContractWithBearerKeys() {
        Response response = get(null, "/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode api = response.json();
        assertThat(api.path("openapi").asString()).startsWith("3.");
        CONTRACT.forEach((path, methods) -> {
            JsonNode operations = api.path("paths").path(path);
            assertThat(operations.isMissingNode()).as(path).isFalse();
            methods.forEach(method ->
                    assertThat(operations.has(method)).as(method + " " + path).isTrue());
        });
        assertThat(api.path("paths").has("/v1/files/{jobId}")
                        || api.path("paths").has("/v1/files/{job_id}"))
                .isTrue();
        assertThat(api.path("components")
                        .path("securitySchemes")
                        .path("api_key")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
    }

    @Test
    void interactiveDocsAreServed() {
        Response redirect = get(null, "/docs");
        assertThat(redirect.status()).isEqualTo(302);
        Response response = get(null, redirect.header("Location"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).containsIgnoringCase("swagger");
    }
}
