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
    void shippedCellCurveIsFittedMonotoneAndNeverCertain() {
        Calibration shipped = Calibration.builtIn();
        double previous = 0;
        for (double s = 0; s <= 1.0001; s += 0.05) {
            double p = shipped.cellConfidence(s);
            assertThat(p).isBetween(previous, 0.995);
            previous = p;
        }
        // Fitted, not the 0.8 × score fallback: a perfect cell score is trusted more than 0.8.
        assertThat(shipped.cellConfidence(1.0)).isGreaterThan(0.9);
        assertThat(shipped.cellConfidence(0.5)).isNotCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-6));
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
    void anAllRightBlockIsFlatDownToItsLowestScore() {
        List<ScoringModelFit.Pick> picks = new ArrayList<>();
        picks.add(new ScoringModelFit.Pick(FieldKind.CURRENCY_CODE, 0.0, false));
        picks.add(new ScoringModelFit.Pick(FieldKind.CURRENCY_CODE, 0.01, false));
        for (int i = 0; i < 40; i++) {
            picks.add(new ScoringModelFit.Pick(FieldKind.CURRENCY_CODE, 0.1 + i * 0.02, true));
        }
        Calibration.Curve curve = ScoringModelFit.isotonic(picks);

        assertThat(curve.apply(0.1)).isGreaterThan(0.95);
        assertThat(curve.apply(0.5)).isEqualTo(curve.apply(0.1));
        assertThat(curve.apply(0.0)).isLessThan(0.3);
    }

    @Test
    void choiceProbabilitiesLeaveRoomForNoneOfThem() {
        double[] p = ScoringModel.choiceProbabilities(new double[] {2, 0, -1});
        assertThat(p[0]).isGreaterThan(p[1]).isGreaterThan(p[2]);
        assertThat(p[0] + p[1] + p[2]).isLessThan(1);
    }
}
