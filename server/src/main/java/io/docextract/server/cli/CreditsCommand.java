package io.docextract.server.cli;

import io.docextract.server.ApiException;
import io.docextract.server.admin.Administration;
import io.docextract.server.credits.TransactionType;
import java.io.PrintWriter;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docextract credits grant|balance}: an organization's credits. */
@Command(
        name = "credits",
        description = "Grant credits and show balances.",
        mixinStandardHelpOptions = true,
        subcommands = {CreditsCommand.Grant.class, CreditsCommand.Balance.class})
public class CreditsCommand {

    @Command(name = "grant", description = "Add credits (or, with --type adjustment, correct by any amount).")
    public static class Grant extends AdminSubcommand {

        private final Administration administration;

        @Parameters(index = "0", paramLabel = "ORG_ID")
        String orgId;

        @Parameters(index = "1", paramLabel = "AMOUNT", description = "Credits; negative only for adjustments.")
        long amount;

        @Option(names = "--type", description = "grant (default), purchase, refund or adjustment.")
        String type = "grant";

        @Option(names = "--description", description = "Shown in the transaction list.")
        String description;

        @Option(names = "--price-paid", description = "For purchases: the price paid, in USD.")
        BigDecimal pricePaid;

        public Grant(Administration administration) {
            this.administration = administration;
        }

        @Override
        void run(PrintWriter out) {
            TransactionType transactionType = TransactionType.fromValue(type)
                    .filter(t -> t != TransactionType.USAGE)
                    .orElseThrow(
                            () -> ApiException.validation("--type", "must be grant, purchase, refund or adjustment"));
            Printed.transaction(
                    out, administration.recordCredits(orgId, transactionType, amount, description, pricePaid));
        }
    }

    @Command(name = "balance", description = "Show an organization's balance and totals.")
    public static class Balance extends AdminSubcommand {

        private final Administration administration;

        @Parameters(index = "0", paramLabel = "ORG_ID")
        String orgId;

        public Balance(Administration administration) {
            this.administration = administration;
        }

        @Override
        void run(PrintWriter out) {
            Printed.balance(out, administration.credits(orgId));
        }
    }
}
