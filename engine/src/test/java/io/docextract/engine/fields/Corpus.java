package io.docextract.engine.fields;

import io.docextract.engine.ExtractorSpec;
import io.docextract.engine.FieldSpec;
import io.docextract.engine.FieldType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dataset of the shared corpus ({@code ground_truth.jsonl} + {@code extractor.json}), read for
 * the corpus runner and the model fit. Only the test tools use it; the corpus never enters the
 * repository.
 */
final class Corpus {

    static final Path ROOT = Path.of(System.getProperty("docextract.corpus", "/work/shared/corpus"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String name;
    final ExtractorSpec extractor;
    /** field name → matching rule, for top-level fields and for line-item properties ("line_items[].amount"). */
    final Map<String, String> rules = new LinkedHashMap<>();

    final List<CorpusDocument> documents = new ArrayList<>();

    Corpus(String name) {
        this.name = name;
        Path dir = ROOT.resolve(name);
        try {
            Map<String, Object> ex =
                    JSON.readValue(Files.readString(dir.resolve("extractor.json")), new TypeReference<>() {});
            List<FieldSpec> fields = new ArrayList<>();
            for (Object o : list(ex.get("field_definitions"))) {
                Map<String, Object> def = map(o);
                fields.add(field(def));
                String fname = (String) def.get("name");
                rules.put(fname, ExpectedValueMatcher.rule(fname, (String) def.get("type"), (String) def.get("match")));
                if (def.get("items") != null) {
                    for (Object p : list(map(def.get("items")).get("properties"))) {
                        Map<String, Object> prop = map(p);
                        String pname = (String) prop.get("name");
                        rules.put(
                                fname + "[]." + pname,
                                ExpectedValueMatcher.rule(
                                        pname, (String) prop.get("type"), (String) prop.get("match")));
                    }
                }
            }
            extractor = spec(ex, fields);
            for (String line : Files.readAllLines(dir.resolve("ground_truth.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> row = JSON.readValue(line, new TypeReference<>() {});
                String file = (String) row.get("file");
                String id = row.get("id") instanceof String s ? s.replaceFirst("-scan$", "") : null;
                String group = name + ":" + (id != null ? id : baseName(file));
                documents.add(new CorpusDocument(
                        name, dir.resolve(file), (String) row.get("mime_type"), map(row.get("fields")), group));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An extractor file outside the corpus (POST /v1/extractors' shape), for the tools. */
    static ExtractorSpec extractor(Path file) {
        try {
            Map<String, Object> ex = JSON.readValue(Files.readString(file), new TypeReference<>() {});
            return spec(
                    ex,
                    list(ex.get("field_definitions")).stream()
                            .map(o -> field(map(o)))
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExtractorSpec spec(Map<String, Object> ex, List<FieldSpec> fields) {
        return new ExtractorSpec((String) ex.get("document_type"), (String) ex.get("description"), fields);
    }

    static List<String> allNames() {
        try (var s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(String file) {
        String base = Path.of(file).getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private static FieldSpec field(Map<String, Object> def) {
        FieldType type = FieldType.fromApiName((String) def.get("type")).orElseThrow();
        List<String> enums = new ArrayList<>();
        if (def.get("enum") != null) {
            for (Object e : list(def.get("enum"))) {
                enums.add(e.toString());
            }
        }
        FieldSpec items = def.get("items") == null ? null : field(map(def.get("items")));
        List<FieldSpec> properties = new ArrayList<>();
        if (def.get("properties") != null) {
            for (Object p : list(def.get("properties"))) {
                properties.add(field(map(p)));
            }
        }
        return new FieldSpec(
                (String) def.get("name"),
                type,
                (String) def.get("description"),
                Boolean.TRUE.equals(def.get("required")),
                enums,
                items,
                properties);
    }

    @SuppressWarnings("unchecked") // JSON objects read as maps
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked") // JSON arrays read as lists
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
