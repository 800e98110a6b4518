package io.docextract.server.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

@Command(
        name = "wait",
        mixinStandardHelpOptions = true,
        description = "Wait until a job is completed or failed and print it.")
public class WaitCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Parameters(index = "0", description = "Job id (job_…).")
    String jobId;

    @Option(
            names = "--timeout",
            defaultValue = "600",
            description = "Seconds to wait at most. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Override
    public Integer call() {
        String job = waitFor(client.client(), jobId, timeoutSeconds);
        System.out.println(job);
        String status =
                JsonMapper.builder().build().readTree(job).path("status").asString();
        return status.equals("completed") ? 0 : status.equals("failed") ? 1 : 3;
    }

    /** Long-polls the job (60 s at a time) until it is terminal or the timeout is spent. */
    static String waitFor(ApiClient api, String jobId, int timeoutSeconds) {
        JsonMapper json = JsonMapper.builder().build();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
            String job = api.get("/v1/documents/" + jobId, Map.of("wait", Long.toString(Math.min(60, left))));
            String status = json.readTree(job).path("status").asString();
            if (status.equals("completed") || status.equals("failed") || System.nanoTime() >= deadline) {
                return job;
            }
        }
    }
}
