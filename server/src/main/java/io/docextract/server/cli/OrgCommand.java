package io.docextract.server.cli;

import io.docextract.server.ApiException;
import io.docextract.server.admin.Administration;
import io.docextract.server.admin.Change;
import io.docextract.server.admin.OrganizationSettings;
import io.docextract.server.auth.Plan;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code docextract org create|list|update}: organizations, their plans and limits, on the configured database. */
@Command(
        name = "org",
        description = "Create, list and update organizations.",
        mixinStandardHelpOptions = true,
        subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class, OrgCommand.Update.class})
public class OrgCommand {

    /** The settings both create and update take. */
    abstract static class WithSettings extends AdminSubcommand {

        @Option(names = "--plan", description = "free, starter, professional, business, enterprise or self_hosted")
        String plan;

        @Option(names = "--retention-days", description = "Days jobs and documents are kept.")
        Integer retentionDays;

        @Option(
                names = "--credits-enforced",
                arity = "1",
                description = "true: refuse submits the balance cannot cover.")
        Boolean creditsEnforced;

        @Option(names = "--requests-per-minute", description = "A number, or 'plan' for the plan's limit.")
        String requestsPerMinute;

        @Option(names = "--requests-per-hour", description = "A number, or 'plan' for the plan's limit.")
        String requestsPerHour;

        @Option(names = "--max-concurrent-jobs", description = "A number, or 'plan' for the plan's limit.")
        String maxConcurrentJobs;

        @Option(names = "--low-balance-threshold", description = "Balance below which credits.low_balance fires.")
        Long lowBalanceThreshold;

        OrganizationSettings settings(String name) {
            Change<Plan> planChange = plan == null
                    ? Change.keep()
                    : Change.to(Plan.fromValue(plan)
                            .orElseThrow(() -> ApiException.validation(
                                    "--plan",
                                    "must be free, starter, professional, business, enterprise or self_hosted")));
            return new OrganizationSettings(
                    optional(name),
                    planChange,
                    optional(retentionDays),
                    optional(creditsEnforced),
                    limit(requestsPerMinute),
                    limit(requestsPerHour),
                    limit(maxConcurrentJobs),
                    optional(lowBalanceThreshold));
        }
    }

    @Command(name = "create", description = "Create an organization.", mixinStandardHelpOptions = true)
    public static class Create extends WithSettings {

        private final Administration administration;

        @Option(names = "--name", required = true, description = "The organization's name.")
        String name;

        public Create(Administration administration) {
            this.administration = administration;
        }

        @Override
        void run(PrintWriter out) {
            Plan chosen =
                    plan == null ? Plan.SELF_HOSTED : settings(name).plan().applyTo(Plan.SELF_HOSTED);
            Printed.organization(out, administration.createOrganization(name, chosen, settings(null)));
        }
    }

    @Command(name = "list", description = "List organizations (id, plan, balance, enforcement, name).")
    public static class ListOrgs extends AdminSubcommand {

        private final Administration administration;

        public ListOrgs(Administration administration) {
            this.administration = administration;
        }

        @Override
        void run(PrintWriter out) {
            administration.organizations().forEach(org -> out.println(Printed.organizationRow(org)));
        }
    }

    @Command(name = "update", description = "Change an organization's name, plan, limits, retention or enforcement.")
    public static class Update extends WithSettings {

        private final Administration administration;

        @Parameters(index = "0", paramLabel = "ORG_ID")
        String orgId;

        @Option(names = "--name", description = "A new name.")
        String name;

        public Update(Administration administration) {
            this.administration = administration;
        }

        @Override
        void run(PrintWriter out) {
            Printed.organization(out, administration.updateOrganization(orgId, settings(name)));
        }
    }
}
