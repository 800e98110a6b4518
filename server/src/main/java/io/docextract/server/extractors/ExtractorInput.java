package io.docextract.server.extractors;

import io.docextract.server.ApiException;
import io.docextract.server.ApiException.Detail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A checked extractor create or update body. For an update every member is optional (null: leave
 * as is); {@code descriptionSet} tells an explicit {@code "description": null} (clear it) from an
 * absent one.
 */
public record ExtractorInput(
        String name,
        String documentType,
        String description,
        boolean descriptionSet,
        List<FieldDefinition> fieldDefinitions,
        Boolean isActive) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DOCUMENT_TYPE_LENGTH = 100;
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;
    public static final String DEFAULT_DOCUMENT_TYPE = "general";

    private static final Set<String> WRITABLE =
            Set.of("name", "document_type", "description", "field_definitions", "is_active");
    // Sent back by clients that PATCH a whole object they read; accepted and ignored.
    private static final Set<String> READ_ONLY =
            Set.of("id", "org_id", "version", "usage_count", "created_by", "created_at", "updated_at", "object");

    /** A create body: name and field_definitions are required. */
    public static ExtractorInput forCreate(JsonNode body) {
        return read(body, true);
    }

    /** An update body: any subset of the writable members. */
    public static ExtractorInput forUpdate(JsonNode body) {
        return read(body, false);
    }

    private static ExtractorInput read(JsonNode body, boolean create) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body", "must be a JSON object");
        }
        List<Detail> details = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            if (!WRITABLE.contains(entry.getKey()) && !READ_ONLY.contains(entry.getKey())) {
                details.add(new Detail(entry.getKey(), "is not a known field of an extractor"));
            }
        }
        String name = text(body, "name", MAX_NAME_LENGTH, create, details);
        String documentType = text(body, "document_type", MAX_DOCUMENT_TYPE_LENGTH, false, details);
        if (create && documentType == null) {
            documentType = DEFAULT_DOCUMENT_TYPE;
        }
        boolean descriptionSet = body.has("description");
        String description = null;
        JsonNode descriptionNode = body.get("description");
        if (descriptionNode != null && !descriptionNode.isNull()) {
            if (!descriptionNode.isString()) {
                details.add(new Detail("description", "must be a string or null"));
            } else if (descriptionNode.stringValue().length() > MAX_DESCRIPTION_LENGTH) {
                details.add(new Detail("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
            } else {
                description = descriptionNode.stringValue();
            }
        }
        List<FieldDefinition> fields = null;
        if (body.has("field_definitions")) {
            fields = FieldDefinitionValidator.validate(body.get("field_definitions"), "field_definitions", details);
        } else if (create) {
            details.add(new Detail("field_definitions", "is required"));
        }
        Boolean active = null;
        JsonNode activeNode = body.get("is_active");
        if (activeNode != null) {
            if (activeNode.isBoolean()) {
                active = activeNode.booleanValue();
            } else {
                details.add(new Detail("is_active", "must be true or false"));
            }
        }
        if (!details.isEmpty()) {
            throw ApiException.validation(details);
        }
        return new ExtractorInput(name, documentType, description, descriptionSet, fields, active);
    }

    private static String text(JsonNode body, String key, int maxLength, boolean required, List<Detail> details) {
        JsonNode node = body.get(key);
        if (node == null) {
            if (required) {
                details.add(new Detail(key, "is required"));
            }
            return null;
        }
        if (!node.isString()) {
            details.add(new Detail(key, "must be a string"));
            return null;
        }
        String value = node.stringValue().strip();
        if (value.isEmpty()) {
            details.add(new Detail(key, "must not be empty"));
            return null;
        }
        if (value.length() > maxLength) {
            details.add(new Detail(key, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value;
    }
}
