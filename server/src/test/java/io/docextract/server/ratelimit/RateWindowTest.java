package io.docextract.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateWindowTest {

    @ParameterizedTest
    @CsvSource({
        "MINUTE, 2030-01-01T10:15:00.000Z, 2030-01-01T10:15:00Z, 60",
        "MINUTE, 2030-01-01T10:15:59.001Z, 2030-01-01T10:15:00Z, 1",
        "MINUTE, 2030-01-01T10:15:30.500Z, 2030-01-01T10:15:00Z, 30",
        "HOUR, 2030-01-01T10:00:00.000Z, 2030-01-01T10:00:00Z, 3600",
        "HOUR, 2030-01-01T10:59:59.999Z, 2030-01-01T10:00:00Z, 1",
        "HOUR, 2030-01-01T10:20:00.000Z, 2030-01-01T10:00:00Z, 2400",
    })
    void windowsStartAtMultiplesOfTheirLength(RateWindow window, Instant now, Instant start, long secondsLeft) {
        assertThat(window.start(now)).isEqualTo(start.toEpochMilli());
        assertThat(window.secondsLeft(now)).isEqualTo(secondsLeft);
        assertThat(window.end(now) - window.start(now)).isEqualTo(window == RateWindow.MINUTE ? 60_000 : 3_600_000);
    }
}
