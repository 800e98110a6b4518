package io.docextract.server.jobs;

import io.docextract.server.ApiException.Detail;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A document submission as read from the request, before the rules are applied.
 *
 * @param extractorId the extractor to run, null when missing
 * @param document the decoded bytes, null when missing
 * @param mimeType the declared type, null when not declared
 * @param filename the original file name, optional
 * @param metadata the metadata as sent (checked by the service), null when absent
 * @param sniffMimeType whether a missing type is found from the bytes (multipart) instead of an error
 * @param problems what the reader already found wrong with the request's shape
 */
public record Submission(
        String extractorId,
        byte[] document,
        String mimeType,
        String filename,
        JsonNode metadata,
        boolean sniffMimeType,
        List<Detail> problems) {

    public Submission {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
