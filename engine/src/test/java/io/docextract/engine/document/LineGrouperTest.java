package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineGrouperTest {

    private static Word word(String text, double x0, double y0, double x1, double y1) {
        return Word.of(text, new Box(x0, y0, x1, y1));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "words on one baseline in any order",
                        List.of(
                                word("total", 0.1, 0.50, 0.2, 0.52),
                                word("9.99", 0.8, 0.50, 0.9, 0.52),
                                word("Grand", 0.02, 0.501, 0.09, 0.521)),
                        List.of("Grand total 9.99")),
                Arguments.of(
                        "close lines stay apart",
                        List.of(word("b", 0.1, 0.515, 0.2, 0.535), word("a", 0.1, 0.50, 0.2, 0.52)),
                        List.of("a", "b")),
                Arguments.of(
                        "a larger word on the same baseline joins",
                        List.of(word("Total", 0.1, 0.50, 0.2, 0.52), word("99", 0.5, 0.49, 0.6, 0.522)),
                        List.of("Total 99")),
                Arguments.of(
                        "a tall word does not chain two lines",
                        List.of(
                                word("up", 0.1, 0.50, 0.2, 0.52),
                                word("BIG", 0.3, 0.50, 0.4, 0.56),
                                word("down", 0.5, 0.54, 0.6, 0.56)),
                        List.of("up BIG", "down")),
                Arguments.of(
                        "a slight skew keeps the line",
                        List.of(
                                word("a", 0.1, 0.500, 0.2, 0.520),
                                word("b", 0.3, 0.503, 0.4, 0.523),
                                word("c", 0.5, 0.506, 0.6, 0.526)),
                        List.of("a b c")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void groupsByBaseline(String name, List<Word> words, List<String> expected) {
        assertThat(LineGrouper.group(words)).extracting(Line::text).containsExactlyElementsOf(expected);
    }
}
