package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {

    @Test
    void collapsesRepeatsDropsBlanksAndKeepsTheSteps() {
        // Classes: 0 blank, 1 "a", 2 "b". Steps: a a _ a b b _ _
        int[] best = {1, 1, 0, 1, 2, 2, 0, 0};
        float[] scores = new float[best.length * 3];
        for (int t = 0; t < best.length; t++) {
            scores[t * 3 + best[t]] = 0.5f + 0.05f * t;
        }

        List<CtcDecoder.Symbol> symbols = CtcDecoder.greedy(scores, 0, best.length, 3, 2);

        assertThat(symbols)
                .extracting(CtcDecoder.Symbol::index, CtcDecoder.Symbol::firstStep, CtcDecoder.Symbol::lastStep)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 0, 1),
                        org.assertj.core.groups.Tuple.tuple(1, 3, 3),
                        org.assertj.core.groups.Tuple.tuple(2, 4, 5));
        // A collapsed symbol keeps its surest step.
        assertThat(symbols.getFirst().probability()).isEqualTo(0.55f);
    }
}
