package io.docextract.server.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Query jobs (GET /v1/documents) and print the answer.")
public class ListCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Option(names = "--status", description = "queued, processing, completed, failed (comma-separated).")
    String status;

    @Option(names = "--extractor", description = "Extractor id.")
    String extractorId;

    @Option(names = "--created-after")
    String createdAfter;

    @Option(names = "--created-before")
    String createdBefore;

    @Option(names = "--min-confidence")
    Double minConfidence;

    @Option(names = "--metadata", description = "key=value, repeatable (ANDed).")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Option(names = "--offset", defaultValue = "0")
    int offset;

    @Option(names = "--order", defaultValue = "desc")
    String order;

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        putIf(query, "status", status);
        putIf(query, "extractor_id", extractorId);
        putIf(query, "created_after", createdAfter);
        putIf(query, "created_before", createdBefore);
        putIf(query, "min_confidence", minConfidence == null ? null : minConfidence.toString());
        metadata.forEach((key, value) -> query.put("metadata[" + key + "]", value));
        query.put("limit", Integer.toString(limit));
        query.put("offset", Integer.toString(offset));
        query.put("order", order);
        System.out.println(client.client().get("/v1/documents", query));
        return 0;
    }

    static void putIf(Map<String, String> query, String key, String value) {
        if (value != null) {
            query.put(key, value);
        }
    }
}
