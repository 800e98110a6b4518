package io.docextract.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the command line; each subcommand is one thing a user or an operator does. */
@Command(
        name = "docextract",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Self-hostable document extraction: typed fields with calibrated confidence from any document.",
        footer = {
            "",
            "Operator commands, directly on the configured database (DOCEXTRACT_DATABASE_URL):",
            "  org      Create, list and update organizations (docextract org --help).",
            "  key      Create, list, update and revoke API keys.",
            "  credits  Grant credits and show balances."
        },
        subcommands = {
            ServeCommand.class,
            WorkerCommand.class,
            SubmitCommand.class,
            WaitCommand.class,
            ListCommand.class,
            StatsCommand.class,
            ExportCommand.class,
            ExtractCommand.class
        })
public class DocExtractCommand {

    /** The command line with its subcommands, which report a user's mistakes without a stack trace. */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(new DocExtractCommand(), factory).setExecutionExceptionHandler(new UserErrors());
    }
}
