package io.docextract.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export jobs with their extracted fields (GET /v1/documents/export).")
public class ExportCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Option(names = "--format", defaultValue = "csv", description = "csv, json or ndjson. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--status")
    String status;

    @Option(names = "--extractor")
    String extractorId;

    @Option(
            names = {"-o", "--output"},
            description = "File to write (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("format", format);
        ListCommand.putIf(query, "status", status);
        ListCommand.putIf(query, "extractor_id", extractorId);
        try (InputStream in = client.client().stream("/v1/documents/export", query)) {
            if (output == null) {
                in.transferTo(System.out);
                System.out.flush();
            } else {
                try (OutputStream out = Files.newOutputStream(output)) {
                    in.transferTo(out);
                }
            }
        }
        return 0;
    }
}
