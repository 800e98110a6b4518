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
        LineReading line = line("SDN BHD", 0, 0, 0, 0, 0, 0, 0);

        assertThat(line.words(1000, 1000, 0.5f, 0.5f)).extracting(Word::text).containsExactly("SDN", "BHD");
    }

    @Test
    void splitsWhereTheSpaceClassWasLikelyThoughBlankWonAndPlacesTheWords() {
        // "LOT3,JALAN" with a likely space between T and 3, and a less likely one after the comma.
        LineReading line = line("LOT3,JALAN", 0, 0.001f, 0.01f, 0.4f, 0.001f, 0.01f, 0, 0, 0, 0);

        assertThat(line.words(1000, 1000, 1.1f, 1.1f)).extracting(Word::text).containsExactly("LOT3,JALAN");
        assertThat(line.words(1000, 1000, 0.1f, 1.1f)).extracting(Word::text).containsExactly("LOT", "3,JALAN");
        List<Word> words = line.words(1000, 1000, 0.1f, 0.005f);
        assertThat(words).extracting(Word::text).containsExactly("LOT", "3,", "JALAN");
        // Character i is at step 3i, one step is 10 pixels: "LOT" spans steps 0 … 6 + 1.
        assertThat(words.getFirst().box().x0()).isCloseTo(0, within(1e-9));
        assertThat(words.getFirst().box().x1()).isCloseTo(0.07, within(1e-9));
        assertThat(words.get(1).box().x0()).isCloseTo(0.09, within(1e-9));
        assertThat(words.getFirst().box().y1()).isCloseTo(0.04, within(1e-9));
        assertThat(words.getFirst().confidence()).isCloseTo(0.9, within(1e-6));
    }

    @Test
    void readsFullWidthPunctuationAsTheLatinOne() {
        LineReading line = line("1，", 0, 0);

        assertThat(line.characters()).containsExactly("1", ",");
    }

    /** A line whose i-th character is at step 3i with {@code spaceBefore[i]} before it. */
    private static LineReading line(String text, float... spaceBefore) {
        List<CtcDecoder.Symbol> symbols = new ArrayList<>();
        List<String> characters = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            symbols.add(new CtcDecoder.Symbol(i + 1, 3 * i, 3 * i, 0.9f, spaceBefore[i]));
            characters.add(String.valueOf(text.charAt(i)));
        }
        return new LineReading(BOX, symbols, characters, 10);
    }
}
