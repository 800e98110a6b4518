package io.docextract.engine.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy CTC decoding of a text recognizer's output: the most likely class at each time step,
 * repeats collapsed and the blank class (0) dropped. Each symbol keeps the step where it starts
 * and ends, which places it along the line image, and its probability.
 */
final class CtcDecoder {

    /**
     * One decoded symbol: its class (1 and up), its first and last time step, its probability,
     * and the highest probability of the space class at the steps between it and the symbol
     * before it (0 for the first).
     */
    record Symbol(int index, int firstStep, int lastStep, float probability, float spaceBefore) {}

    private CtcDecoder() {}

    /**
     * Decodes {@code steps} rows of {@code classes} probabilities, row-major from {@code offset};
     * {@code space} is the class of the space character.
     */
    static List<Symbol> greedy(float[] scores, int offset, int steps, int classes, int space) {
        List<Symbol> symbols = new ArrayList<>();
        int previous = 0;
        float spaceSince = 0;
        for (int t = 0; t < steps; t++) {
            int row = offset + t * classes;
            int best = 0;
            float bestScore = scores[row];
            for (int c = 1; c < classes; c++) {
                if (scores[row + c] > bestScore) {
                    best = c;
                    bestScore = scores[row + c];
                }
            }
            if (best != 0 && best == previous) {
                Symbol last = symbols.removeLast();
                symbols.add(new Symbol(
                        best, last.firstStep(), t, Math.max(last.probability(), bestScore), last.spaceBefore()));
            } else if (best != 0) {
                symbols.add(new Symbol(best, t, t, bestScore, symbols.isEmpty() ? 0 : spaceSince));
                spaceSince = 0;
            } else if (!symbols.isEmpty()) {
                spaceSince = Math.max(spaceSince, scores[row + space]);
            }
            previous = best;
        }
        return symbols;
    }
}
