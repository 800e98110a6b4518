package io.docextract.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({"1, PT1M", "2, PT5M", "3, PT30M", "4, PT2H", "5, PT8H", "6, PT24H"})
    void retriesBackOff(int attemptsMade, Duration delay) {
        assertThat(RetrySchedule.STANDARD.nextAttempt(attemptsMade, NOW)).contains(NOW.plus(delay));
    }

    @ParameterizedTest
    @CsvSource({"0", "7", "8"})
    void noRetryOutsideTheSchedule(int attemptsMade) {
        assertThat(RetrySchedule.STANDARD.nextAttempt(attemptsMade, NOW)).isEmpty();
        assertThat(RetrySchedule.STANDARD.maxAttempts()).isEqualTo(7);
    }

    @Test
    void signatureIsHexHmacSha256OfTheRawBody() {
        // RFC 4231 test case 2.
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @ParameterizedTest
    @CsvSource({
        "job.completed, true",
        "job.failed, true",
        "credits.low_balance, true",
        "credits.depleted, true",
        "webhook.test, false"
    })
    void onlyRealEventsCanBeSubscribedTo(String value, boolean subscribable) {
        assertThat(EventType.fromValue(value))
                .hasValueSatisfying(type -> assertThat(type.subscribable()).isEqualTo(subscribable));
    }
}
