package io.docextract.engine.document;

import io.docextract.engine.layout.Word;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One text line as the recognizer read it: its box, the decoded symbols with their time steps,
 * the character of each symbol, and how many pixels along the box one time step covers.
 */
record LineReading(TextBox box, List<CtcDecoder.Symbol> symbols, List<String> characters, double stepLength) {

    /** Marks after which a space is more likely than between letters. */
    private static final Set<String> PUNCTUATION = Set.of(",", ".", ":", ";");

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
     * the recognizer wrote, and between two characters where the space class reached
     * {@code spaceProbability} (after a comma, period or colon: {@code afterPunctuation}) although
     * blank won — the recognizer, trained mostly on Chinese, often drops the space between Latin
     * words ("SDNBHD"), but the space stays likely at the steps between them.
     */
    List<Word> words(int width, int height, float spaceProbability, float afterPunctuation) {
        List<Word> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= symbols.size(); i++) {
            boolean end = i == symbols.size() || characters.get(i).isBlank();
            boolean unwritten = !end
                    && i > start
                    && symbols.get(i).spaceBefore()
                            >= (PUNCTUATION.contains(characters.get(i - 1)) ? afterPunctuation : spaceProbability);
            if (end || unwritten) {
                if (i > start) {
                    words.add(word(start, i, width, height));
                }
                start = end ? i + 1 : i;
            }
        }
        return words;
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
