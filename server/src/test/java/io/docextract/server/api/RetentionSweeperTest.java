package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.auth.Organization;
import io.docextract.server.jobs.RetentionSweeper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RetentionSweeperTest extends DocumentApiSupport {

    @Autowired
    RetentionSweeper sweeper;

    @Autowired
    JdbcClient jdbc;

    @Test
    void finishedJobsPastTheirOrganizationsRetentionAreDeletedWithTheirBytes() {
        Tenant shortRetention = newTenant(); // the default, 90 days
        Tenant longRetention = newTenant();
        Organization org = access.organization(longRetention.orgId());
        access.updateOrganization(new Organization(
                org.id(), org.name(), org.plan(), 365, org.creditsEnforced(), null, null, null, org.createdAt()));

        String old = submitAged(shortRetention, Duration.ofDays(100), "completed");
        String oldUrl = get(shortRetention.liveKey(), "/v1/documents/" + old)
                .json()
                .path("document_url")
                .asString();
        String recent = submitAged(shortRetention, Duration.ofDays(10), "failed");
        String oldButUnfinished = submitAged(shortRetention, Duration.ofDays(100), "queued");
        String keptLonger = submitAged(longRetention, Duration.ofDays(100), "completed");
        assertThat(get(null, oldUrl).status()).isEqualTo(200);

        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(get(shortRetention.liveKey(), "/v1/documents/" + old).errorCode())
                .isEqualTo("job_not_found");
        assertThat(get(null, oldUrl).status()).isEqualTo(404);
        assertThat(get(shortRetention.liveKey(), "/v1/documents/" + recent).status())
                .isEqualTo(200);
        assertThat(get(shortRetention.liveKey(), "/v1/documents/" + oldButUnfinished)
                        .status())
                .isEqualTo(200);
        assertThat(get(longRetention.liveKey(), "/v1/documents/" + keptLonger).status())
                .isEqualTo(200);
    }

    /** A real submission (bytes stored), then aged and set to the status as a worker would. */
    private String submitAged(Tenant tenant, Duration age, String status) {
        String id = submitPdf(tenant.liveKey(), createExtractor(tenant.liveKey()), null)
                .path("id")
                .asString();
        long created = Instant.now().minus(age).toEpochMilli();
        jdbc.sql("UPDATE jobs SET created_at = ?, status = ?, run_after = ? WHERE id = ?")
                .params(created, status, Instant.now().plus(Duration.ofDays(1)).toEpochMilli(), id)
                .update();
        return id;
    }
}
