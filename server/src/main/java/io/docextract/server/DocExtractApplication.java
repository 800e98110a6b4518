package io.docextract.server;

import io.docextract.server.cli.DocExtractCommand;
import io.docextract.server.cli.OperatorCommands;
import java.time.InstantSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import picocli.CommandLine;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DocExtractApplication {

    /**
     * The command line is the entry point: {@code serve} and {@code worker} start this Spring
     * application; the operator commands run inside it without a web server; the others run
     * without it.
     */
    public static void main(String[] args) {
        int exit = OperatorCommands.handles(args)
                ? OperatorCommands.execute(args)
                : DocExtractCommand.commandLine(CommandLine.defaultFactory())
                        .execute(args.length == 0 ? new String[] {"--help"} : args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Time for everything that stores or compares instants; tests replace it to drive leases. */
    @Bean
    InstantSource instantSource() {
        return InstantSource.system();
    }
}
