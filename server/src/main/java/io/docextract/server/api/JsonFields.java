package io.docextract.server.api;

import io.docextract.server.ApiException;
import io.docextract.server.admin.Change;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON object body where absent and {@code null} mean different things
 * (absent: leave as it is; null: clear), collecting every problem before failing once.
 */
final class JsonFields {

    private final JsonNode body;
    private final List<ApiException.Detail> problems = new ArrayList<>();

    JsonFields(JsonNode body, Set<String> known) {
        this.body = body;
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body", "must be a JSON object");
        }
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new ApiException.Detail(name, "is not a known field"));
            }
        }
    }

    Change<String> string(String name) {
        return read(name, node -> node.isString() ? node.stringValue() : null, "must be a string");
    }

    Change<Integer> integer(String name) {
        return read(
                name,
                node -> node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null,
                "must be an integer");
    }

    Change<Long> longInteger(String name) {
        return read(
                name,
                node -> node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null,
                "must be an integer");
    }

    Change<Boolean> bool(String name) {
        return read(name, node -> node.isBoolean() ? node.booleanValue() : null, "must be true or false");
    }

    Change<BigDecimal> decimal(String name) {
        return read(name, node -> node.isNumber() ? node.decimalValue() : null, "must be a number");
    }

    Change<List<String>> strings(String name) {
        return read(
                name,
                node -> {
                    if (!node.isArray()) {
                        return null;
                    }
                    List<String> values = new ArrayList<>();
                    for (JsonNode item : node.values()) {
                        if (!item.isString()) {
                            return null;
                        }
                        values.add(item.stringValue());
                    }
                    return values;
                },
                "must be an array of strings");
    }

    /** Fails with every problem found so far. */
    void check() {
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
    }

    private <T> Change<T> read(String name, Function<JsonNode, T> convert, String issue) {
        if (!body.has(name)) {
            return Change.keep();
        }
        JsonNode node = body.get(name);
        if (node.isNull()) {
            return Change.to(null);
        }
        T value = convert.apply(node);
        if (value == null) {
            problems.add(new ApiException.Detail(name, issue));
            return Change.keep();
        }
        return Change.to(value);
    }

    static <T> T valueOr(Change<T> change, T fallback) {
        return change instanceof Change.To<T> to && to.value() != null ? to.value() : fallback;
    }
}
