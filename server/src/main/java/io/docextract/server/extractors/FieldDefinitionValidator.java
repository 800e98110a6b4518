package io.docextract.server.extractors;

import io.docextract.engine.FieldType;
import io.docextract.server.ApiException.Detail;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks {@code field_definitions} as sent (a JSON tree, so that wrong JSON types and unknown keys
 * are reported instead of silently coerced) and builds the typed definitions. Every problem is
 * reported with its path, e.g. {@code field_definitions[2].items.properties[0].name}.
 */
public final class FieldDefinitionValidator {

    public static final int MAX_FIELDS = 100;
    /** Levels of named fields: top level, an object's properties, their properties. */
    public static final int MAX_DEPTH = 3;

    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_DESCRIPTION_LENGTH = 1_000;
    public static final int MAX_ENUM_VALUES = 100;
    public static final int MAX_ENUM_VALUE_LENGTH = 200;

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Set<String> KEYS =
            Set.of("name", "type", "description", "required", "enum", "items", "properties");

    private final List<Detail> details = new ArrayList<>();
    private int namedFields;

    private FieldDefinitionValidator() {}

    /** The definitions, or null when there are problems (then {@code details} holds them all). */
    public static List<FieldDefinition> validate(JsonNode node, String path, List<Detail> details) {
        FieldDefinitionValidator validator = new FieldDefinitionValidator();
        List<FieldDefinition> fields = validator.list(node, path, 1);
        if (validator.namedFields > MAX_FIELDS) {
            validator.details.add(new Detail(
                    path,
                    "has " + validator.namedFields + " fields; at most " + MAX_FIELDS
                            + " are allowed (nested ones count)"));
        }
        details.addAll(validator.details);
        return validator.details.isEmpty() ? fields : null;
    }

    private List<FieldDefinition> list(JsonNode node, String path, int depth) {
        if (node == null || !node.isArray()) {
            details.add(new Detail(path, "must be an array of field definitions"));
            return List.of();
        }
        if (node.isEmpty()) {
            details.add(new Detail(path, "must contain at least one field"));
            return List.of();
        }
        if (depth > MAX_DEPTH) {
            details.add(new Detail(path, "nests deeper than " + MAX_DEPTH + " levels of fields"));
            return List.of();
        }
        List<FieldDefinition> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            FieldDefinition field = field(node.get(i), itemPath, depth, true);
            if (field != null) {
                if (field.name() != null && !names.add(field.name())) {
                    details.add(
                            new Detail(itemPath + ".name", "duplicates the name '" + field.name() + "' at this level"));
                }
                fields.add(field);
            }
        }
        return fields;
    }

    private FieldDefinition field(JsonNode node, String path, int depth, boolean named) {
        if (node == null || !node.isObject()) {
            details.add(new Detail(path, "must be an object"));
            return null;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!KEYS.contains(entry.getKey())) {
                details.add(new Detail(path + "." + entry.getKey(), "is not a known key of a field definition"));
            }
        }
        String name = null;
        if (named) {
            namedFields++;
            name = name(node.get("name"), path + ".name");
        } else if (node.has("name")) {
            details.add(new Detail(path + ".name", "must not be set on array items"));
        }
        FieldType type = type(node.get("type"), path + ".type");
        String description = optionalString(node.get("description"), path + ".description", MAX_DESCRIPTION_LENGTH);
        Boolean required = optionalBoolean(node.get("required"), path + ".required");
        List<String> enumValues = enumValues(node.get("enum"), path + ".enum", type);

        FieldDefinition items = null;
        JsonNode itemsNode = node.get("items");
        if (type == FieldType.ARRAY) {
            if (itemsNode == null || itemsNode.isNull()) {
                details.add(new Detail(path + ".items", "is required for type array"));
            } else {
                // An array's items are the same level of naming as the array itself.
                items = field(itemsNode, path + ".items", depth, false);
            }
        } else if (itemsNode != null && type != null) {
            details.add(new Detail(path + ".items", "is only allowed on type array"));
        }

        List<FieldDefinition> properties = null;
        JsonNode propertiesNode = node.get("properties");
        if (type == FieldType.OBJECT) {
            if (propertiesNode == null || propertiesNode.isNull()) {
                details.add(new Detail(path + ".properties", "is required for type object"));
            } else {
                properties = list(propertiesNode, path + ".properties", depth + 1);
            }
        } else if (propertiesNode != null && type != null) {
            details.add(new Detail(path + ".properties", "is only allowed on type object"));
        }
        return new FieldDefinition(
                name, type == null ? null : type.apiName(), description, required, enumValues, items, properties);
    }

    private String name(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            details.add(new Detail(path, "is required"));
            return null;
        }
        if (!node.isString()) {
            details.add(new Detail(path, "must be a string"));
            return null;
        }
        String name = node.stringValue();
        if (name.length() > MAX_NAME_LENGTH) {
            details.add(new Detail(path, "must be at most " + MAX_NAME_LENGTH + " characters"));
        } else if (!SNAKE_CASE.matcher(name).matches()) {
            details.add(new Detail(
                    path,
                    "must be snake_case (lower-case letters, digits and single underscores,"
                            + " starting with a letter)"));
        }
        return name;
    }

    private FieldType type(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            details.add(new Detail(path, "is required"));
            return null;
        }
        FieldType type =
                node.isString() ? FieldType.fromApiName(node.stringValue()).orElse(null) : null;
        if (type == null) {
            details.add(new Detail(
                    path, "must be one of text, number, currency, date, email, phone, boolean, array, object"));
        }
        return type;
    }

    private List<String> enumValues(JsonNode node, String path, FieldType type) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (type != null && type != FieldType.TEXT) {
            details.add(new Detail(path, "is only allowed on type text"));
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            details.add(new Detail(path, "must be a non-empty array of strings"));
            return null;
        }
        if (node.size() > MAX_ENUM_VALUES) {
            details.add(new Detail(path, "must have at most " + MAX_ENUM_VALUES + " values"));
            return null;
        }
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            String valuePath = path + "[" + i + "]";
            if (!value.isString() || value.stringValue().isBlank()) {
                details.add(new Detail(valuePath, "must be a non-empty string"));
            } else if (value.stringValue().length() > MAX_ENUM_VALUE_LENGTH) {
                details.add(new Detail(valuePath, "must be at most " + MAX_ENUM_VALUE_LENGTH + " characters"));
            } else if (!seen.add(value.stringValue())) {
                details.add(new Detail(valuePath, "duplicates the value '" + value.stringValue() + "'"));
            } else {
                values.add(value.stringValue());
            }
        }
        return values;
    }

    private String optionalString(JsonNode node, String path, int maxLength) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            details.add(new Detail(path, "must be a string"));
            return null;
        }
        if (node.stringValue().length() > maxLength) {
            details.add(new Detail(path, "must be at most " + maxLength + " characters"));
        }
        return node.stringValue();
    }

    private Boolean optionalBoolean(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            details.add(new Detail(path, "must be true or false"));
            return null;
        }
        return node.booleanValue();
    }
}
