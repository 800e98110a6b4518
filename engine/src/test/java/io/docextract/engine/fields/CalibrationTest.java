package io.docextract.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CalibrationTest {

    @ParameterizedTest
    @EnumSource(FieldKind.class)
    void shippedCurvesAreMonotoneAndNeverCertain(FieldKind kind) {
        Calibration calibration = Calibration.builtIn();
        double previous = -1;
        for (int i = 0; i <= 100; i++) {
            double c = calibration.confidence(kind, i / 100.0);
            assertThat(c).isBetween(0.0, 0.995).isGreaterThanOrEqualTo(previous);
            previous = c;
        }
    }

    @Test
    void isotonicFitIsMonotoneAndFollowsTheData() {
        Random random = new Random(1);
        List<ScoringModelFit.Pick> picks = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double score = random.nextDouble();
            picks.add(new ScoringModelFit.Pick(FieldKind.DATE, score, random.nextDouble() < score * score));
        }
        Calibration.Curve curve = ScoringModelFit.isotonic(picks);

        for (int i = 1; i < curve.probabilities().length; i++) {
            assertThat(curve.probabilities()[i]).isGreaterThanOrEqualTo(curve.probabilities()[i - 1]);
        }
        assertThat(curve.apply(0.1)).isLessThan(0.15);
        assertThat(curve.apply(0.9)).isBetween(0.7, 0.9);
    }

    @Test
    void choiceProbabilitiesLeaveRoomForNoneOfThem() {
        double[] p = ScoringModel.choiceProbabilities(new double[] {2, 0, -1});
        assertThat(p[0]).isGreaterThan(p[1]).isGreaterThan(p[2]);
        assertThat(p[0] + p[1] + p[2]).isLessThan(1);
    }
}
