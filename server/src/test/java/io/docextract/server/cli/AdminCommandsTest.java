package io.docextract.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * The administration commands run in-process, built by a Spring-backed picocli factory the way
 * the {@code docextract} launcher builds them, against the test database.
 */
class AdminCommandsTest extends ServerTestSupport {

    @Autowired
    ApplicationContext context;

    /** What one command run printed and returned. */
    record Run(int exitCode, String out, String err) {

        String field(String name) {
            Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s+(\\S+)")
                    .matcher(out);
            assertThat(matcher.find()).as("%s in%n%s", name, out).isTrue();
            return matcher.group(1);
        }
    }

    @Test
    void organizationsAreCreatedListedAndUpdated() {
        Run created =
                run(OrgCommand.class, "create", "--name", "CLI Org", "--plan", "free", "--requests-per-minute", "4");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String orgId = created.field("id");
        assertThat(created.field("plan")).isEqualTo("free");
        assertThat(access.organization(orgId).requestsPerMinute()).isEqualTo(4);

        Run list = run(OrgCommand.class, "list");
        assertThat(list.out()).contains(orgId + "\tfree\t0\tnot-enforced\tCLI Org");

        Run updated = run(
                OrgCommand.class,
                "update",
                orgId,
                "--plan",
                "business",
                "--requests-per-minute",
                "plan",
                "--credits-enforced",
                "true",
                "--retention-days",
                "7",
                "--low-balance-threshold",
                "3");
        assertThat(updated.exitCode()).as(updated.err()).isZero();
        var org = access.organization(orgId);
        assertThat(org.plan().value()).isEqualTo("business");
        assertThat(org.requestsPerMinute()).isNull();
        assertThat(org.effectiveRequestsPerMinute()).isEqualTo(500);
        assertThat(org.creditsEnforced()).isTrue();
        assertThat(org.retentionDays()).isEqualTo(7);
        assertThat(updated.out()).contains("low-balance threshold: 3");

        Run bad = run(OrgCommand.class, "update", orgId, "--plan", "gold");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("error:").contains("--plan");
        Run missing = run(OrgCommand.class, "update", "org_missing", "--name", "x");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("No organization org_missing");
    }

    @Test
    void keysAreCreatedListedAndRevoked() {
        String orgId = run(OrgCommand.class, "create", "--name", "Key Org").field("id");
        Run created = run(KeyCommand.class, "create", orgId, "--name", "reader", "--scope", "credits:read");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String secret = created.field("secret");
        String keyId = created.field("id");
        assertThat(secret).startsWith("sk_live_");
        assertThat(get(secret, "/v1/credits").status()).isEqualTo(200);
        assertThat(get(secret, "/v1/webhooks").status()).isEqualTo(403);

        Run test = run(KeyCommand.class, "create", orgId, "--test", "--requests-per-minute", "9");
        assertThat(test.field("secret")).startsWith("sk_test_");
        assertThat(test.out()).contains("requests per minute:  9");

        Run limited = run(KeyCommand.class, "update", orgId, keyId, "--requests-per-hour", "77");
        assertThat(limited.out()).contains("requests per hour:    77");

        Run list = run(KeyCommand.class, "list", orgId);
        assertThat(list.out().lines()).hasSize(2);
        assertThat(list.out()).contains(keyId + "\tlive\tactive").doesNotContain(secret);

        Run revoked = run(KeyCommand.class, "revoke", orgId, keyId);
        assertThat(revoked.exitCode()).isZero();
        assertThat(get(secret, "/v1/credits").status()).isEqualTo(401);
        assertThat(run(KeyCommand.class, "list", orgId).out()).contains(keyId + "\tlive\trevoked");
        assertThat(run(KeyCommand.class, "create", orgId, "--scope", "everything")
                        .exitCode())
                .isEqualTo(1);
    }

    @Test
    void creditsAreGrantedAndShown() {
        Tenant tenant = newTenant();
        Run grant = run(CreditsCommand.class, "grant", tenant.orgId(), "250", "--description", "trial");
        assertThat(grant.exitCode()).as(grant.err()).isZero();
        assertThat(grant.field("balance after")).isEqualTo("250");
        Run purchase = run(
                CreditsCommand.class, "grant", tenant.orgId(), "100", "--type", "purchase", "--price-paid", "19.00");
        assertThat(purchase.field("type")).isEqualTo("purchase");
        Run adjustment = run(CreditsCommand.class, "grant", tenant.orgId(), "--type", "adjustment", "--", "-50");
        assertThat(adjustment.exitCode()).as(adjustment.err()).isZero();
        assertThat(adjustment.field("amount")).isEqualTo("-50");

        Run balance = run(CreditsCommand.class, "balance", tenant.orgId());
        assertThat(balance.field("balance")).isEqualTo("300");
        assertThat(balance.field("total purchased")).isEqualTo("350");
        assertThat(get(tenant.liveKey(), "/v1/credits").json().path("balance").asLong())
                .isEqualTo(300);
        assertThat(run(CreditsCommand.class, "grant", tenant.orgId(), "0").exitCode())
                .isEqualTo(1);
    }

    private Run run(Class<?> command, String... args) {
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
        CommandLine line = new CommandLine(command, factory);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exitCode = line.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
