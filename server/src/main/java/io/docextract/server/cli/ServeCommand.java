package io.docextract.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the HTTP API (and, with the default role, the job workers in the same process).")
public class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--role",
            defaultValue = "all",
            description = "all (API and workers) or api (API only). Default: ${DEFAULT-VALUE}.")
    String role;

    @Option(names = "--port", description = "Port to listen on (default: DOCEXTRACT_PORT or 8080).")
    Integer port;

    @Override
    public Integer call() {
        if (!role.equals("all") && !role.equals("api")) {
            System.err.println("--role must be 'all' or 'api'");
            return 2;
        }
        List<String> properties = new ArrayList<>();
        if (port != null) {
            properties.add("--docextract.port=" + port);
        }
        ServerLauncher.start(role, true, properties);
        return 0;
    }
}
