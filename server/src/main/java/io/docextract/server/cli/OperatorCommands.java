package io.docextract.server.cli;

import java.util.List;
import java.util.Set;
import org.springframework.beans.BeansException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * The operator commands ({@code org}, {@code key}, {@code credits}) work on the database through
 * the services, so they run inside a Spring context started without web server, workers or
 * bootstrap (role {@code admin}); picocli builds them from that context.
 */
public final class OperatorCommands {

    private static final Set<String> NAMES = Set.of("org", "key", "credits");

    private OperatorCommands() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    public static int execute(String[] args) {
        try (ConfigurableApplicationContext context =
                ServerLauncher.start("admin", false, List.of("--logging.level.root=WARN"))) {
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    try {
                        return context.getAutowireCapableBeanFactory().createBean(type);
                    } catch (BeansException e) {
                        return CommandLine.defaultFactory().create(type);
                    }
                }
            };
            CommandLine line = DocExtractCommand.commandLine(factory)
                    .addSubcommand(factory.create(OrgCommand.class))
                    .addSubcommand(factory.create(KeyCommand.class))
                    .addSubcommand(factory.create(CreditsCommand.class));
            return line.execute(args);
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
