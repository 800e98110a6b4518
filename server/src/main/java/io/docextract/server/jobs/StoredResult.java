package io.docextract.server.jobs;

import io.docextract.engine.ExtractionResult;
import io.docextract.engine.ExtractionWarning;
import io.docextract.engine.FieldLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import tools.jackson.databind.json.JsonMapper;

/**
 * An extraction result in the form the jobs table stores it: JSON text in the API's shapes, and
 * the lowest and mean confidence of the top-level fields (null when the extractor has none).
 */
public record StoredResult(
        int pageCount,
        String extractedData,
        String confidence,
        Double confidenceScore,
        Double meanConfidence,
        String fieldLocations,
        String warnings) {

    public static StoredResult of(ExtractionResult result, JsonMapper json) {
        // Nested paths (line_items[0].amount) refine their top-level field; the job's score is
        // about the fields the extractor asked for.
        List<Double> topLevel = new ArrayList<>();
        for (String field : result.data().keySet()) {
            Double value = result.confidence().get(field);
            topLevel.add(value == null ? 0.0 : value);
        }
        OptionalDouble min = topLevel.stream().mapToDouble(Double::doubleValue).min();
        OptionalDouble mean = topLevel.stream().mapToDouble(Double::doubleValue).average();

        Map<String, Object> locations = new LinkedHashMap<>();
        for (Map.Entry<String, FieldLocation> entry : result.locations().entrySet()) {
            FieldLocation location = entry.getValue();
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("page", location.page());
            shape.put(
                    "bbox",
                    location.box() == null
                            ? null
                            : List.of(
                                    location.box().x0(),
                                    location.box().y0(),
                                    location.box().x1(),
                                    location.box().y1()));
            shape.put("text", location.text());
            locations.put(entry.getKey(), shape);
        }
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (ExtractionWarning warning : result.warnings()) {
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("code", warning.code());
            if (warning.field() != null) {
                shape.put("field", warning.field());
            }
            if (warning.message() != null) {
                shape.put("message", warning.message());
            }
            warnings.add(shape);
        }
        return new StoredResult(
                result.pageCount(),
                json.writeValueAsString(result.data()),
                json.writeValueAsString(result.confidence()),
                min.isPresent() ? min.getAsDouble() : null,
                mean.isPresent() ? mean.getAsDouble() : null,
                json.writeValueAsString(locations),
                json.writeValueAsString(warnings));
    }
}
