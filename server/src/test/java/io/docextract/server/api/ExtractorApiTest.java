package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.auth.IssuedKey;
import io.docextract.server.auth.Scope;
import io.docextract.server.extractors.ExtractorService;
import io.docextract.server.extractors.ExtractorVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ExtractorApiTest extends DocumentApiSupport {

    @Autowired
    ExtractorService extractorService;

    @Test
    void createAnswers201WithTheWholeObject() {
        Tenant tenant = newTenant();
        Response response = post(tenant.liveKey(), "/v1/extractors", invoiceExtractor("Invoice Extractor"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("id").asString()).startsWith("ext_");
        assertThat(body.path("org_id").asString()).isEqualTo(tenant.orgId());
        assertThat(body.path("name").asString()).isEqualTo("Invoice Extractor");
        assertThat(body.path("document_type").asString()).isEqualTo("invoice");
        assertThat(body.path("description").asString()).isEqualTo("Supplier invoices");
        assertThat(body.path("is_active").asBoolean()).isTrue();
        assertThat(body.path("version").asInt()).isEqualTo(1);
        assertThat(body.path("usage_count").asInt()).isZero();
        assertThat(body.path("created_by").asString()).startsWith("key_");
        assertThat(body.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(body.path("updated_at").asString())
                .isEqualTo(body.path("created_at").asString());
        JsonNode fields = body.path("field_definitions");
        assertThat(fields.size()).isEqualTo(3);
        assertThat(fields.get(0).path("required").asBoolean()).isTrue();
        assertThat(fields.get(2)
                        .path("items")
                        .path("properties")
                        .get(1)
                        .path("type")
                        .asString())
                .isEqualTo("currency");
        assertThat(fields.get(2).has("properties")).isFalse();

        assertThat(get(tenant.liveKey(), "/v1/extractors/" + body.path("id").asString())
                        .json())
                .isEqualTo(body);
    }

    @Test
    void listPagesWithTotalAndFiltersByActive() {
        Tenant tenant = newTenant();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(createExtractor(tenant.liveKey()));
        }
        delete(tenant.liveKey(), "/v1/extractors/" + ids.get(0));

        JsonNode all = get(tenant.liveKey(), "/v1/extractors?limit=2").json();
        assertThat(all.path("total").asInt()).isEqualTo(3);
        assertThat(all.path("limit").asInt()).isEqualTo(2);
        assertThat(all.path("offset").asInt()).isZero();
        assertThat(all.path("has_more").asBoolean()).isTrue();
        // newest first
        assertThat(all.path("extractors").get(0).path("id").asString()).isEqualTo(ids.get(2));

        JsonNode rest = get(tenant.liveKey(), "/v1/extractors?limit=2&offset=2").json();
        assertThat(rest.path("extractors").size()).isEqualTo(1);
        assertThat(rest.path("has_more").asBoolean()).isFalse();

        JsonNode active = get(tenant.liveKey(), "/v1/extractors?is_active=true").json();
        assertThat(active.path("total").asInt()).isEqualTo(2);
        JsonNode archived =
                get(tenant.liveKey(), "/v1/extractors?is_active=false").json();
        assertThat(archived.path("extractors").get(0).path("id").asString()).isEqualTo(ids.get(0));

        JsonNode past = get(tenant.liveKey(), "/v1/extractors?offset=10").json();
        assertThat(past.path("extractors").size()).isZero();
        assertThat(past.path("total").asInt()).isEqualTo(3);
        assertThat(past.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void badListParametersAreValidationErrorsWithDetails() {
        Tenant tenant = newTenant();
        Response response = get(tenant.liveKey(), "/v1/extractors?limit=0&offset=-1&is_active=maybe");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("validation_error");
        assertThat(fields(response)).containsExactlyInAnyOrder("limit", "offset", "is_active");
        assertThat(get(tenant.liveKey(), "/v1/extractors?limit=1001").status()).isEqualTo(400);
        assertThat(get(tenant.liveKey(), "/v1/extractors?limit=1000").status()).isEqualTo(200);
    }

    @Test
    void patchBumpsVersionOnlyWhenFieldsChangeAndKeepsOldVersions() {
        Tenant tenant = newTenant();
        String id = createExtractor(tenant.liveKey());

        JsonNode renamed = patch(
                        tenant.liveKey(), "/v1/extractors/" + id, Map.of("name", "Renamed", "description", "x"))
                .json();
        assertThat(renamed.path("name").asString()).isEqualTo("Renamed");
        assertThat(renamed.path("description").asString()).isEqualTo("x");
        assertThat(renamed.path("version").asInt()).isEqualTo(1);

        Map<String, Object> sameFields =
                Map.of("field_definitions", invoiceExtractor("x").get("field_definitions"));
        assertThat(patch(tenant.liveKey(), "/v1/extractors/" + id, sameFields)
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(1);

        List<Map<String, Object>> newFields = List.of(Map.of("name", "po_number", "type", "text"));
        Response changed = patch(tenant.liveKey(), "/v1/extractors/" + id, Map.of("field_definitions", newFields));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("version").asInt()).isEqualTo(2);
        assertThat(changed.json().path("field_definitions").get(0).path("name").asString())
                .isEqualTo("po_number");

        ExtractorVersion v1 = extractorService.version(id, 1);
        ExtractorVersion v2 = extractorService.version(id, 2);
        assertThat(v1.fieldDefinitions()).hasSize(3);
        assertThat(v2.fieldDefinitions()).hasSize(1);
        assertThat(v1.toSpec().fields().get(2).items().properties()).hasSize(2);

        JsonNode typed = patch(tenant.liveKey(), "/v1/extractors/" + id, Map.of("document_type", "receipt"))
                .json();
        assertThat(typed.path("version").asInt()).isEqualTo(3);

        Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("description", null);
        assertThat(patch(tenant.liveKey(), "/v1/extractors/" + id, clear)
                        .json()
                        .path("description")
                        .isNull())
                .isTrue();
    }

    @Test
    void jobsKeepTheVersionTheyWereSubmittedWith() {
        Tenant tenant = newTenant();
        String id = createExtractor(tenant.liveKey());
        String jobId = submitPdf(tenant.liveKey(), id, null).path("id").asString();
        patch(
                tenant.liveKey(),
                "/v1/extractors/" + id,
                Map.of("field_definitions", List.of(Map.of("name", "a", "type", "text"))));

        assertThat(get(tenant.liveKey(), "/v1/documents/" + jobId)
                        .json()
                        .path("extractor_version")
                        .asInt())
                .isEqualTo(1);
        String newJob = submitPdf(tenant.liveKey(), id, null).path("id").asString();
        assertThat(get(tenant.liveKey(), "/v1/documents/" + newJob)
                        .json()
                        .path("extractor_version")
                        .asInt())
                .isEqualTo(2);
        assertThat(get(tenant.liveKey(), "/v1/extractors/" + id)
                        .json()
                        .path("usage_count")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void deleteArchivesAndJobsStayReadable() {
        Tenant tenant = newTenant();
        String id = createExtractor(tenant.liveKey());
        String jobId = submitPdf(tenant.liveKey(), id, null).path("id").asString();

        Response archived = delete(tenant.liveKey(), "/v1/extractors/" + id);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().path("is_active").asBoolean()).isFalse();
        assertThat(get(tenant.liveKey(), "/v1/extractors/" + id)
                        .json()
                        .path("is_active")
                        .asBoolean())
                .isFalse();
        assertThat(get(tenant.liveKey(), "/v1/documents/" + jobId).status()).isEqualTo(200);

        Response submit = post(tenant.liveKey(), "/v1/documents", submitBody(id, PDF, "application/pdf"));
        assertThat(submit.status()).isEqualTo(422);
        assertThat(submit.errorCode()).isEqualTo("extractor_inactive");

        assertThat(patch(tenant.liveKey(), "/v1/extractors/" + id, Map.of("is_active", true))
                        .json()
                        .path("is_active")
                        .asBoolean())
                .isTrue();
        assertThat(post(tenant.liveKey(), "/v1/documents", submitBody(id, PDF, "application/pdf"))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void anotherOrganizationsExtractorIsNotFound() {
        Tenant owner = newTenant();
        Tenant other = newTenant();
        String id = createExtractor(owner.liveKey());

        for (Response response : List.of(
                get(other.liveKey(), "/v1/extractors/" + id),
                patch(other.liveKey(), "/v1/extractors/" + id, Map.of("name", "mine")),
                delete(other.liveKey(), "/v1/extractors/" + id),
                post(other.liveKey(), "/v1/documents", submitBody(id, PDF, "application/pdf")))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("extractor_not_found");
        }
        assertThat(get(other.liveKey(), "/v1/extractors").json().path("total").asInt())
                .isZero();
        assertThat(get(owner.liveKey(), "/v1/extractors/" + id)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Invoices");
        assertThat(get(owner.liveKey(), "/v1/extractors/ext_nope").errorCode()).isEqualTo("extractor_not_found");
    }

    @Test
    void scopesAreEnforced() {
        Tenant tenant = newTenant();
        String id = createExtractor(tenant.liveKey());
        IssuedKey readOnly = access.issueKey(tenant.orgId(), "ro", false, Set.of(Scope.EXTRACTORS_READ));
        IssuedKey none = access.issueKey(tenant.orgId(), "docs", false, Set.of(Scope.DOCUMENTS_READ));

        assertThat(get(readOnly.secret(), "/v1/extractors/" + id).status()).isEqualTo(200);
        assertThat(post(readOnly.secret(), "/v1/extractors", invoiceExtractor("x"))
                        .errorCode())
                .isEqualTo("insufficient_scope");
        assertThat(patch(readOnly.secret(), "/v1/extractors/" + id, Map.of("name", "y"))
                        .status())
                .isEqualTo(403);
        assertThat(delete(readOnly.secret(), "/v1/extractors/" + id).status()).isEqualTo(403);
        assertThat(get(none.secret(), "/v1/extractors").errorCode()).isEqualTo("insufficient_scope");
    }

    @Test
    void invalidBodiesAnswerDetailsPerProblem() {
        Tenant tenant = newTenant();
        Response notJson = post(tenant.liveKey(), "/v1/extractors", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorCode()).isEqualTo("invalid_json");

        Response missing = post(tenant.liveKey(), "/v1/extractors", Map.of("description", 5, "colour", "red"));
        assertThat(missing.errorCode()).isEqualTo("validation_error");
        assertThat(fields(missing)).containsExactlyInAnyOrder("name", "field_definitions", "description", "colour");

        Response nested = post(
                tenant.liveKey(),
                "/v1/extractors",
                Map.of(
                        "name",
                        "x",
                        "field_definitions",
                        List.of(
                                Map.of("name", "ok", "type", "text"),
                                Map.of("name", "ok", "type", "text"),
                                Map.of(
                                        "name",
                                        "items",
                                        "type",
                                        "array",
                                        "items",
                                        Map.of(
                                                "type",
                                                "object",
                                                "properties",
                                                List.of(Map.of("name", "Bad Name", "type", "text")))))));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(fields(nested))
                .containsExactlyInAnyOrder(
                        "field_definitions[1].name", "field_definitions[2].items.properties[0].name");
        String tenantId = createExtractor(tenant.liveKey());
        Response patchBad = patch(tenant.liveKey(), "/v1/extractors/" + tenantId, Map.of("is_active", "yes"));
        assertThat(fields(patchBad)).containsExactly("is_active");
    }

    static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json()
                .path("error")
                .path("details")
                .forEach(d -> fields.add(d.path("field").asString()));
        return fields;
    }
}
