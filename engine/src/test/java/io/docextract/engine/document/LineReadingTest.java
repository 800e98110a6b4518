package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.docextract.engine.layout.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReadingTest {

    /** A 400 × 40 pixel line at the top left of a 1000 × 1000 image; one step is 10 pixels. */
    private static final TextBox BOX = new TextBox(200, 20, 400, 40, 0);

    @Test
    void splitsAtTheSpacesRead() {
        LineReading line = line("SDN BHD", 0, 3, 3, 3, 3, 3, 3);

        assertThat(line.words(1000, 1000, 0)).extracting(Word::text).containsExactly("SDN", "BHD");
    }

    @Test
    void splitsWhereCharactersLieAPitchApartThatTheRecognizerJoined() {
        // "SDNBHD" with the gap of a space between N and B: pitch 3 steps, gap 6.
        LineReading line = line("SDNBHD", 0, 3, 3, 6, 3, 3);

        assertThat(line.words(1000, 1000, 0)).extracting(Word::text).containsExactly("SDNBHD");
        List<Word> words = line.words(1000, 1000, 1.7);
        assertThat(words).extracting(Word::text).containsExactly("SDN", "BHD");
        // "SDN" spans steps 0 … 6 (the last symbol's step included): 70 pixels of 1000.
        assertThat(words.getFirst().box().x0()).isCloseTo(0, within(1e-9));
        assertThat(words.getFirst().box().x1()).isCloseTo(0.07, within(1e-9));
        assertThat(words.get(1).box().x0()).isCloseTo(0.12, within(1e-9));
        assertThat(words.getFirst().box().y1()).isCloseTo(0.04, within(1e-9));
    }

    @Test
    void doesNotGuessSpacesOnLinesTooShortForAPitch() {
        LineReading line = line("RM5", 0, 3, 9);

        assertThat(line.pitch()).isInfinite();
        assertThat(line.words(1000, 1000, 1.7)).extracting(Word::text).containsExactly("RM5");
    }

    /** A line whose i-th character starts {@code gaps[i]} steps after the previous one. */
    private static LineReading line(String text, int... gaps) {
        List<CtcDecoder.Symbol> symbols = new ArrayList<>();
        List<String> characters = new ArrayList<>();
        int step = 0;
        for (int i = 0; i < text.length(); i++) {
            step += gaps[i];
            symbols.add(new CtcDecoder.Symbol(i + 1, step, step, 0.9f));
            characters.add(String.valueOf(text.charAt(i)));
        }
        return new LineReading(BOX, symbols, characters, 10);
    }
}
