package io.docextract.engine.document;

import io.docextract.engine.layout.Word;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * One text line as the recognizer read it: its box, the decoded symbols with their time steps,
 * the character of each symbol, and how many pixels along the box one time step covers.
 */
record LineReading(TextBox box, List<CtcDecoder.Symbol> symbols, List<String> characters, double stepLength) {

    /** Fewer neighbouring characters than this give no usable pitch. */
    private static final int MIN_PITCHES = 4;

    LineReading {
        symbols = List.copyOf(symbols);
        // The character list has full-width forms of Latin punctuation ("，", "（"): as printed
        // on a Latin receipt they are the ordinary ones.
        characters = characters.stream()
                .map(c -> Normalizer.normalize(c, Normalizer.Form.NFKC))
                .toList();
    }

    /** The mean probability of the symbols (0 for an empty line). */
    double confidence() {
        return symbols.stream()
                .mapToDouble(CtcDecoder.Symbol::probability)
                .average()
                .orElse(0);
    }

    /**
     * The words of the line, boxes normalized to an image of the given size: split at the spaces
     * the recognizer read, and where two characters lie at least {@code spacePitches} times the
     * line's usual character pitch apart (0: never) — the recognizer, trained mostly on Chinese,
     * often drops the space between Latin words ("SDNBHD"), but the gap stays in its time steps.
     */
    List<Word> words(int width, int height, double spacePitches) {
        double gap = spacePitches > 0 ? spacePitches * pitch() : Double.MAX_VALUE;
        List<Word> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= symbols.size(); i++) {
            boolean end = i == symbols.size() || characters.get(i).isBlank();
            if (end
                    || (i > start
                            && symbols.get(i).firstStep() - symbols.get(i - 1).firstStep() >= gap)) {
                if (i > start) {
                    words.add(word(start, i, width, height));
                }
                start = end ? i + 1 : i;
            }
        }
        return words;
    }

    /**
     * The median distance in time steps between neighbouring characters of one word, or
     * infinity when the line has too few of them to tell.
     */
    double pitch() {
        List<Integer> distances = new ArrayList<>();
        for (int i = 1; i < symbols.size(); i++) {
            if (!characters.get(i).isBlank() && !characters.get(i - 1).isBlank()) {
                distances.add(symbols.get(i).firstStep() - symbols.get(i - 1).firstStep());
            }
        }
        if (distances.size() < MIN_PITCHES) {
            return Double.POSITIVE_INFINITY;
        }
        distances.sort(null);
        return distances.get(distances.size() / 2);
    }

    /** The word of symbols {@code from} (inclusive) to {@code to} (exclusive). */
    private Word word(int from, int to, int width, int height) {
        StringBuilder text = new StringBuilder();
        double probability = 0;
        for (int i = from; i < to; i++) {
            text.append(characters.get(i));
            probability += symbols.get(i).probability();
        }
        double start = Math.max(0, symbols.get(from).firstStep() * stepLength);
        double end = Math.min(box.length(), (symbols.get(to - 1).lastStep() + 1) * stepLength);
        return new Word(text.toString(), box.bounds(start, end, width, height), probability / (to - from), 0, false);
    }
}
