package io.docextract.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import io.docextract.engine.values.DocumentContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentIndexTest {

    private static final double PAGE_WIDTH = 600;
    private static final double PAGE_HEIGHT = 800;

    /**
     * Lays the words of {@code spec} out on one line: each character {@code charWidth} points
     * wide, glyph boxes {@code height} points high, and every run of spaces in {@code spec} a gap
     * of that many characters.
     */
    private static Line line(String spec, double charWidth, double height) {
        List<Word> words = new ArrayList<>();
        double x = 20;
        int i = 0;
        while (i < spec.length()) {
            int start = i;
            while (i < spec.length() && spec.charAt(i) == ' ') {
                i++;
            }
            x += (i - start) * charWidth;
            int wordStart = i;
            while (i < spec.length() && spec.charAt(i) != ' ') {
                i++;
            }
            if (i > wordStart) {
                String text = spec.substring(wordStart, i);
                double x1 = x + text.length() * charWidth;
                words.add(new Word(
                        text,
                        new Box(x / PAGE_WIDTH, 100 / PAGE_HEIGHT, x1 / PAGE_WIDTH, (100 + height) / PAGE_HEIGHT),
                        1.0,
                        10,
                        false));
                x = x1;
            }
        }
        return new Line(words);
    }

    private static List<String> segments(Line line) {
        return index(line).lines().getFirst().segments().stream()
                .map(Segment::text)
                .toList();
    }

    @ParameterizedTest(name = "{0} / {1} pt chars, {2} pt glyphs")
    @CsvSource(delimiter = '|', textBlock = """
            Grocery Ostquin                   | 6.8 | 5.0  | Grocery Ostquin
            Invoice number:      INV-1        | 5.0 | 8.0  | Invoice number:;INV-1
            Invoice number: INV-1             | 5.0 | 8.0  | Invoice number: INV-1
            Tomatoes . . . . . . 5.74 A       | 4.5 | 3.4  | Tomatoes;5.74 A
            Total ........ 48.18              | 5.0 | 8.0  | Total;48.18
            Street 1 · 12345 Town             | 5.0 | 8.0  | Street 1 · 12345 Town
            KEDAI PAPAN  YEW  CHUAN           | 6.0 | 5.0  | KEDAI PAPAN YEW CHUAN
            KEDAI PAPAN  YEW  CHUAN 12        | 6.0 | 5.0  | KEDAI PAPAN;YEW;CHUAN 12
            Item      Qty      Amount         | 6.0 | 5.0  | Item;Qty;Amount
            """)
    void splitsLinesIntoColumnSegments(String spec, double charWidth, double height, String expected) {
        assertThat(segments(line(spec.strip(), charWidth, height))).containsExactly(expected.split(";"));
    }

    @Test
    void wordsSetTwoCharactersApartAcrossThePageStayOneSegment() {
        // Thermal print read by an OCR that boxes words tightly: every word space is two
        // characters wide, wider than the column gap by characters; only a wider gap splits.
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add(line("THANK  YOU.  PLEASE  COME  AGAIN.", 5.0, 8.0));
        }
        lines.add(line("POPULAR  BOOK", 5.0, 8.0));
        lines.add(line("Total  RM  Incl.  of  GST          4.00", 5.0, 8.0));
        DocumentIndex index = index(lines, true);
        assertThat(index.lines().get(8).segments()).extracting(Segment::text).containsExactly("POPULAR BOOK");
        assertThat(index.lines().get(9).segments())
                .extracting(Segment::text)
                .containsExactly("Total RM Incl. of GST", "4.00");
    }

    @Test
    void aPageOfOrdinaryWordSpacesKeepsItsColumnGaps() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add(line("Thank you for your order and see you again", 5.0, 8.0));
        }
        lines.add(line("Widget  2  10.00", 5.0, 8.0));
        DocumentIndex index = index(lines, false);
        assertThat(index.lines().get(8).segments()).extracting(Segment::text).containsExactly("Widget", "2", "10.00");
    }

    private static DocumentIndex index(Line line) {
        return index(List.of(line), false);
    }

    /** The index of one page of these lines, read by OCR or not. */
    private static DocumentIndex index(List<Line> lines, boolean ocr) {
        Layout layout = new Layout(List.of(new Page(1, PAGE_WIDTH, PAGE_HEIGHT, lines, ocr)));
        return new DocumentIndex(layout, DocumentContext.unknown(), Lexicon.builtIn(), null);
    }

    @ParameterizedTest(name = "{0}: {1} word {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Handelsrechnung (380) Nr. 471102 vom 05.03.2018 | DATE       | 5 | document_number;period_start
            Facture n°562044387 du 02 Juillet 2015          | DATE       | 3 | document_number
            Handelsrechnung (380) Nr. 471102 vom 05.03.2018 | IDENTIFIER | 3 | document_number
            Handelsrechnung (380) Nr. 471102 vom 05.03.2018 | IDENTIFIER | 5 | period_start
            MwSt. 7% auf EUR 225,86                         | AMOUNT     | 4 | -
            Billing period 01.03.2024 to 31.03.2024         | DATE       | 4 | period_end;period
            """)
    void aConnectiveBetweenTwoValuesTakesTheRowCaption(String spec, FieldKind kind, int word, String concepts) {
        DocumentIndex index = index(line(spec.strip(), 5.0, 8.0));
        Label label = index.leftLabel(index.lines().getFirst(), word, kind);
        if (concepts.equals("-")) {
            assertThat(label.match().concepts()).isEmpty();
        } else {
            assertThat(label.match().concepts()).contains(concepts.split(";"));
        }
    }

    @ParameterizedTest(name = "{0} read at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.63 | total
            1.0  | -
            """)
    void ocrNoiseBetweenACaptionAndItsAmountLeavesTheCaption(double confidence, String concept) {
        // "TOTAL ROUNDED | ?3-1 0 | RM 33.90": the reader was unsure of the figures between the
        // caption and the amount, so they are noise; read with confidence, they are a column.
        Line printed = line("TOTAL ROUNDED       ?3-1 0       RM 33.90", 5.0, 8.0);
        List<Word> words = new ArrayList<>(printed.words());
        Word noise = words.get(2);
        words.set(2, new Word(noise.text(), noise.box(), confidence, noise.fontSize(), noise.bold()));
        DocumentIndex index = index(new Line(words));
        TextLine line = index.lines().getFirst();
        assertThat(line.segments()).hasSize(3);
        Label label = index.leftLabel(line, 4, FieldKind.AMOUNT);
        if (concept.equals("-")) {
            assertThat(label.match().concepts()).isEmpty();
        } else {
            assertThat(label.text()).isEqualTo("TOTAL ROUNDED");
            assertThat(label.match().concepts()).contains(concept);
        }
    }

    @Test
    void aKernedInitialTouchingItsWordIsOneWordWithIt() {
        Word initial = new Word("F", new Box(0.0757, 0.1, 0.0826, 0.11), 1.0, 10, false);
        Word rest = new Word("actuurnummer:", new Box(0.0827, 0.1, 0.1826, 0.11), 1.0, 10, false);
        Word value = new Word("993548900", new Box(0.1878, 0.1, 0.2567, 0.11), 1.0, 10, false);
        DocumentIndex index = index(new Line(List.of(initial, rest, value)));
        TextLine line = index.lines().getFirst();
        assertThat(line.text()).isEqualTo("Factuurnummer: 993548900");
        assertThat(index.leftLabel(line, 1, FieldKind.IDENTIFIER).match().concepts())
                .containsExactly("document_number");
    }

    @Test
    void aSpacedInitialStaysAWord() {
        assertThat(segments(line("A total of 12.00", 5.0, 8.0))).containsExactly("A total of 12.00");
        DocumentIndex index = index(line("A total of 12.00", 5.0, 8.0));
        assertThat(index.lines().getFirst().words()).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Bei Spiel GmbH ● Ecke 12 ● 12345 Stadthausen                 | Bei Spiel GmbH
            ACME AG - Uferweg 40-42 - D-63571 Gelnhausen                 | ACME AG
            Au bon moulin SARL - 1242 chemin de l'olive - 84340 Malaucène | Au bon moulin SARL
            Total - 12,00 - 14,00                                         | -
            Paris - Lyon - Marseille                                      | -
            """)
    void aOneLineReturnAddressNamesTheSender(String spec, String name) {
        DocumentIndex index = index(line(spec.strip(), 5.0, 8.0));
        TextLine line = index.lines().getFirst();
        int end = DocumentIndex.senderNameEnd(line, line.segments().getFirst());
        assertThat(end > 0 ? line.textOf(0, end) : null).isEqualTo(name);
    }

    @Test
    void aReturnAddressInSmallTypeSplitAtItsSeparatorsIsStillOne() {
        // Glyphs 3 pt high: every gap around a separator is wider than a line height.
        DocumentIndex index = index(line("Bei Spiel GmbH   ●   Ecke 12   ●   12345 Stadthausen", 4.0, 3.0));
        TextLine line = index.lines().getFirst();
        assertThat(line.segments()).hasSizeGreaterThan(1);
        assertThat(line.textOf(
                        0, DocumentIndex.senderNameEnd(line, line.segments().getFirst())))
                .isEqualTo("Bei Spiel GmbH");
        assertThat(index.isSenderName("Bei Spiel GmbH")).isTrue();
        assertThat(index.isSenderName("Ecke 12")).isFalse();
        for (Segment later : line.segments().subList(1, line.segments().size())) {
            assertThat(DocumentIndex.senderNameEnd(line, later)).isNegative();
        }
    }
}
