package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextLayerQualityTest {

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("Invoice 2024-001 dated 12.03.2024, total 1.234,56 EUR", TextLayerQuality.USABLE),
                Arguments.of("Rechnung für Müller & Söhne GmbH – Betrag: 99,00 €", TextLayerQuality.USABLE),
                Arguments.of("Seite 1", TextLayerQuality.MISSING),
                Arguments.of("", TextLayerQuality.MISSING),
                Arguments.of(
                        "\uE001\uE002\uE003\uE004 \uE005\uE006\uE007\uE008 \uE009\uE00A\uE00B\uE00C Total",
                        TextLayerQuality.GARBLED),
                Arguments.of(
                        "ab \u0001\u0002\u0003\u0004\u0005\u0006\u0007 \u0008\u000e\u000f\u0010\u0011\u0012",
                        TextLayerQuality.GARBLED),
                Arguments.of(
                        "\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD 12",
                        TextLayerQuality.GARBLED),
                Arguments.of("¦¤¨©ª«¬®¯±²³´µ¶·¸¹º»¼½¾", TextLayerQuality.GARBLED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("layers")
    void judgesTheTextLayer(String text, TextLayerQuality expected) {
        List<Word> words = Arrays.stream(text.split(" "))
                .filter(w -> !w.isEmpty())
                .map(w -> Word.of(w, new Box(0.1, 0.1, 0.2, 0.12)))
                .toList();
        List<Line> lines = words.isEmpty() ? List.of() : List.of(new Line(words));

        assertThat(TextLayerQuality.of(lines)).isEqualTo(expected);
        assertThat(expected.needsOcr()).isEqualTo(expected != TextLayerQuality.USABLE);
    }
}
