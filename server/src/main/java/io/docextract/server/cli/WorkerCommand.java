package io.docextract.server.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description =
                "Run job workers only (no HTTP API); for scale-out on a shared PostgreSQL database and blob store.")
public class WorkerCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        ServerLauncher.start("worker", false, List.of());
        return 0;
    }
}
