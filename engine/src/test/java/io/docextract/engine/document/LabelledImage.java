package io.docextract.engine.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The ground truth of a corpus image for the OCR comparison tools: the {@code fields} of its line
 * in the {@code ground_truth.jsonl} of the folder above the image, as in the shared corpus.
 */
final class LabelledImage {

    private LabelledImage() {}

    /** The labelled fields of the image; an empty object when it has no line. */
    static JsonNode fields(Path image) throws IOException {
        Path root = image.getParent().getParent();
        String relative = root.relativize(image).toString();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(root.resolve("ground_truth.jsonl"))) {
            JsonNode record = mapper.readTree(line);
            if (record.path("file").asString().equals(relative)) {
                return record.path("fields");
            }
        }
        return mapper.createObjectNode();
    }
}
