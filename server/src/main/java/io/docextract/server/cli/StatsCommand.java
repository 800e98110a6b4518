package io.docextract.server.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Print job statistics (GET /v1/documents/stats).")
public class StatsCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Option(
            names = "--period",
            defaultValue = "30d",
            description = "1h, 24h, 7d, 30d, 90d or all. Default: ${DEFAULT-VALUE}.")
    String period;

    @Option(names = "--extractor", description = "Extractor id.")
    String extractorId;

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("period", period);
        ListCommand.putIf(query, "extractor_id", extractorId);
        System.out.println(client.client().get("/v1/documents/stats", query));
        return 0;
    }
}
