package io.docextract.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Submit a document to a running service and print the job.")
public class SubmitCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Parameters(index = "0", description = "The document file.")
    Path file;

    @Option(names = "--extractor", required = true, description = "Extractor id (ext_…).")
    String extractorId;

    @Option(names = "--mime-type", description = "Declared type (default: guessed from the bytes by the service).")
    String mimeType;

    @Option(names = "--metadata", description = "key=value, repeatable.")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = "--wait", description = "Wait for the job to finish and print the final job.")
    boolean waitForResult;

    @Override
    public Integer call() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode body = json.createObjectNode();
        body.put("extractor_id", extractorId);
        body.put("document", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
        body.put("mime_type", mimeType != null ? mimeType : Files.probeContentType(file));
        body.put("filename", file.getFileName().toString());
        ObjectNode meta = body.putObject("metadata");
        metadata.forEach(meta::put);
        ApiClient api = client.client();
        String job = api.postJson("/v1/documents", json.writeValueAsString(body));
        if (waitForResult) {
            job = WaitCommand.waitFor(api, json.readTree(job).path("id").asString(), 600);
        }
        System.out.println(job);
        return 0;
    }
}
