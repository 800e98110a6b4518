package io.docextract.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class JobSettingsTest {

    private static JobSettings fromEnvironment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", variables));
        return Binder.get(environment).bindOrCreate("docextract.jobs", JobSettings.class);
    }

    @Test
    void environmentVariablesWithTheDocumentedNamesBind() {
        JobSettings settings = fromEnvironment(Map.of(
                "DOCEXTRACT_JOBS_LEASE", "60s",
                "DOCEXTRACT_JOBS_REAP_INTERVAL", "7s",
                "DOCEXTRACT_JOBS_MAX_ATTEMPTS", "5",
                "DOCEXTRACT_JOBS_SHUTDOWN_TIMEOUT", "3s"));

        assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(20)); // a third of the lease
        assertThat(settings.reapInterval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aHeartbeatThatCannotKeepTheLeaseIsRefused() {
        assertThatThrownBy(() ->
                        fromEnvironment(Map.of("DOCEXTRACT_JOBS_LEASE", "10s", "DOCEXTRACT_JOBS_HEARTBEAT", "10s")))
                .hasStackTraceContaining("heartbeat");
    }

    @Test
    void defaults() {
        JobSettings settings = JobSettings.defaults();

        assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.reapInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.maxAttempts()).isEqualTo(3);
    }
}
