package io.docextract.server.cli;

import io.docextract.server.admin.Administration;
import io.docextract.server.admin.KeyRequest;
import io.docextract.server.auth.IssuedKey;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docextract key create|list|revoke|update}: API keys of an organization. */
@Command(
        name = "key",
        description = "Issue, list, limit and revoke API keys.",
        mixinStandardHelpOptions = true,
        subcommands = {
            KeyCommand.Create.class,
            KeyCommand.ListKeys.class,
            KeyCommand.Revoke.class,
            KeyCommand.Update.class
        })
public class KeyCommand {

    @Command(name = "create", description = "Issue a key; its secret is printed once.")
    public static class Create extends AdminSubcommand {

        private final Administration administration;

        @Parameters(index = "0", paramLabel = "ORG_ID")
        String orgId;

        @Option(names = "--name", description = "What the key is for.")
        String name;

        @Option(names = "--test", description = "A test-mode key (sk_test_…).")
        boolean test;

        @Option(names = "--scope", description = "A scope to grant (repeat); every scope when left out.")
        List<String> scopes;

        @Option(names = "--requests-per-minute", description = "The key's own per-minute limit.")
        Integer requestsPerMinute;

        @Option(names = "--requests-per-hour", description = "The key's own per-hour limit.")
        Integer requestsPerHour;

        public Create(Administration administration) {
            this.administration = administration;
        }

        @Override
        void run(PrintWriter out) {
            IssuedKey issued = administration.issueKey(
                    orgId, new KeyRequest(name, test, scopes, requestsPerMinute, requestsPerHour));
            Printed.key(out, issued.key());
            out.println("secret:               " + issued.secret());
            out.println("(the secret is shown only now; store it safely)");
        }
    }

    @Command(name = "list", description = "List an organization's keys (id, mode, state, hint, name, scopes).")
    public static class ListKeys extends AdminSubcommand {

        private final Administration administration;

        @Parameters(index = "0", paramLabel = "ORG_ID")
        String orgId;

        public ListKeys(Administration administration) {
            this.administration = administration;
        }

        @Override
        void run(PrintWriter out) {
            administration.keys(orgId).forEach(key -> out.println(Printed.keyRow(key)));
        }
    }

    @Command(name = "revoke", description = "Revoke a key; requests with it answer 401 at once.")
    public static class Revoke extends AdminSubcommand {

        private final Administration administration;

        @Parameters(index = "0", paramLabel = "ORG_ID")
        String orgId;

        @Parameters(index = "1", paramLabel = "KEY_ID")
        String keyId;

        public Revoke(Administration administration) {
            this.administration = administration;
        }

        @Override
        void run(PrintWriter out) {
            Printed.key(out, administration.revokeKey(orgId, keyId));
        }
    }

    @Command(name = "update", description = "Set a key's own request limits.")
    public static class Update extends AdminSubcommand {

        private final Administration administration;

        @Parameters(index = "0", paramLabel = "ORG_ID")
        String orgId;

        @Parameters(index = "1", paramLabel = "KEY_ID")
        String keyId;

        @Option(names = "--requests-per-minute", description = "A number, or 'none' for no limit of its own.")
        String requestsPerMinute;

        @Option(names = "--requests-per-hour", description = "A number, or 'none' for no limit of its own.")
        String requestsPerHour;

        public Update(Administration administration) {
            this.administration = administration;
        }

        @Override
        void run(PrintWriter out) {
            Printed.key(
                    out,
                    administration.updateKeyLimits(orgId, keyId, limit(requestsPerMinute), limit(requestsPerHour)));
        }
    }
}
