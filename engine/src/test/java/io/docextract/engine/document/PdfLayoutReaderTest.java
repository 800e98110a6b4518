package io.docextract.engine.document;

import static io.docextract.engine.document.PdfFixtures.PageSpec;
import static io.docextract.engine.document.PdfFixtures.Text;
import static io.docextract.engine.document.PdfFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PdfLayoutReaderTest {

    private final DocumentReader reader = new DocumentReader(EngineOptions.defaults());

    @Test
    void wordsCarryBoxesNormalizedToThePageWithOriginTopLeft() {
        byte[] bytes = pdf(PageSpec.text(
                Text.at("Invoice Number: INV-2024-001", 72, 700),
                Text.at("Total", 72, 400),
                Text.at("1,234.56", 450, 400)));

        Page page = reader.read(bytes, DocumentFormat.PDF).pages().getFirst();

        assertThat(page.ocr()).isFalse();
        assertThat(page.width()).isEqualTo(612);
        assertThat(page.height()).isEqualTo(792);
        assertThat(page.lines())
                .extracting(Line::text)
                .containsExactly("Invoice Number: INV-2024-001", "Total 1,234.56");
        Word total = page.lines().get(1).words().getFirst();
        assertThat(total.box().x0()).isCloseTo(72 / 612.0, within(0.005));
        // Baseline 400 pt from the bottom: the word sits just above 392/792 from the top.
        assertThat(total.box().y1()).isCloseTo(392 / 792.0, within(0.01));
        assertThat(total.box().y0()).isCloseTo((392 - 9) / 792.0, within(0.01));
        Word amount = page.lines().get(1).words().get(1);
        assertThat(amount.box().x0()).isCloseTo(450 / 612.0, within(0.005));
        assertThat(amount.box().x1()).isGreaterThan(amount.box().x0()).isLessThan(520 / 612.0);
        assertThat(total.confidence()).isEqualTo(1.0);
        assertThat(total.fontSize()).isEqualTo(12.0);
    }

    @Test
    void splitsRunsOnSpacesAndLargeGapsAndKeepsLinesApart() {
        byte[] bytes = pdf(PageSpec.text(
                Text.at("Subtotal", 72, 500),
                Text.at("100.00", 300, 500),
                Text.at("Tax 19%", 72, 485),
                Text.at("19.00", 300, 485),
                Text.at("Grand total 119.00", 72, 470)));

        List<Line> lines =
                reader.read(bytes, DocumentFormat.PDF).pages().getFirst().lines();

        assertThat(lines)
                .extracting(Line::text)
                .containsExactly("Subtotal 100.00", "Tax 19% 19.00", "Grand total 119.00");
        assertThat(lines.get(2).words()).extracting(Word::text).containsExactly("Grand", "total", "119.00");
        for (Line line : lines) {
            List<Word> words = line.words();
            for (int i = 1; i < words.size(); i++) {
                assertThat(words.get(i).box().x0())
                        .isGreaterThan(words.get(i - 1).box().x1());
            }
        }
        assertThat(lines.get(0).box().y1()).isLessThan(lines.get(1).box().y1());
    }

    @Test
    void fontSizeAndBoldComeFromTheFont() {
        byte[] bytes = pdf(
                PageSpec.text(new Text("INVOICE", 72, 720, 24, true), Text.at("Regular words on this page", 72, 680)));

        List<Line> lines =
                reader.read(bytes, DocumentFormat.PDF).pages().getFirst().lines();

        Word heading = lines.getFirst().words().getFirst();
        assertThat(heading.bold()).isTrue();
        assertThat(heading.fontSize()).isEqualTo(24.0);
        assertThat(lines.get(1).words())
                .allSatisfy(word -> assertThat(word.bold()).isFalse());
    }

    @Test
    void everyPageIsReadAndNumbered() {
        byte[] bytes = pdf(
                PageSpec.text(Text.at("First page of the document", 72, 700)),
                PageSpec.blank(),
                PageSpec.text(Text.at("Third page of the document", 72, 700)));

        Layout layout = reader.read(bytes, DocumentFormat.PDF);

        assertThat(layout.pageCount()).isEqualTo(3);
        assertThat(layout.pages()).extracting(Page::number).containsExactly(1, 2, 3);
        assertThat(layout.pages().get(1).isEmpty()).isTrue();
        assertThat(layout.pages().get(2).lines().getFirst().text()).isEqualTo("Third page of the document");
    }

    @Test
    void ownerPasswordOnlyIsStillRead() {
        byte[] bytes =
                pdf(PdfFixtures.ownerPasswordOnly(), PageSpec.text(Text.at("Permissions do not stop us", 72, 700)));

        Layout layout = reader.read(bytes, DocumentFormat.PDF);

        assertThat(layout.text()).isEqualTo("Permissions do not stop us");
    }

    static Stream<Arguments> failures() {
        byte[] text = pdf(
                PageSpec.text(Text.at("One page of text here", 72, 700)),
                PageSpec.text(Text.at("Another page of text here", 72, 700)),
                PageSpec.text(Text.at("A third page of text here", 72, 700)));
        return Stream.of(
                Arguments.of(
                        "user password",
                        pdf(PdfFixtures.userPassword("secret"), PageSpec.text(Text.at("Hidden", 72, 700))),
                        EngineOptions.defaults(),
                        ExtractionErrorCode.DOCUMENT_ENCRYPTED),
                Arguments.of(
                        "random bytes",
                        "this is not a PDF at all".getBytes(StandardCharsets.US_ASCII),
                        EngineOptions.defaults(),
                        ExtractionErrorCode.DOCUMENT_CORRUPT),
                Arguments.of(
                        "truncated",
                        java.util.Arrays.copyOf(text, 40),
                        EngineOptions.defaults(),
                        ExtractionErrorCode.DOCUMENT_CORRUPT),
                Arguments.of(
                        "empty file", new byte[0], EngineOptions.defaults(), ExtractionErrorCode.DOCUMENT_UNREADABLE),
                Arguments.of(
                        "blank pages",
                        pdf(PageSpec.blank(), PageSpec.blank()),
                        EngineOptions.defaults(),
                        ExtractionErrorCode.DOCUMENT_UNREADABLE),
                Arguments.of(
                        "too many pages",
                        text,
                        EngineOptions.defaults().withMaxPages(2),
                        ExtractionErrorCode.TOO_MANY_PAGES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresCarryTheirCode(String name, byte[] bytes, EngineOptions options, ExtractionErrorCode expected) {
        assertThatThrownBy(() -> new DocumentReader(options).read(bytes, DocumentFormat.PDF))
                .isInstanceOfSatisfying(
                        ExtractionException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }

    @Test
    void pageLimitIsCheckedBeforePagesAreParsed() {
        // Pages whose content would take long to parse: the limit must answer at once.
        PageSpec[] pages = new PageSpec[60];
        for (int i = 0; i < pages.length; i++) {
            Text[] texts = new Text[200];
            for (int j = 0; j < texts.length; j++) {
                texts[j] = Text.at("word" + j, 20 + (j % 10) * 55, 750 - (j / 10) * 35);
            }
            pages[i] = PageSpec.text(texts);
        }
        byte[] bytes = pdf(pages);
        DocumentReader limited = new DocumentReader(EngineOptions.defaults().withMaxPages(10));

        long start = System.nanoTime();
        assertThatThrownBy(() -> limited.read(bytes, DocumentFormat.PDF))
                .isInstanceOfSatisfying(
                        ExtractionException.class,
                        e -> assertThat(e.code()).isEqualTo(ExtractionErrorCode.TOO_MANY_PAGES));
        long full = System.nanoTime();
        reader.read(bytes, DocumentFormat.PDF);
        long end = System.nanoTime();

        assertThat(full - start).isLessThan(end - full);
    }

    @Test
    void aScanAtTheOcrResolutionHasInkWhenAThumbnailWould() {
        BufferedImage text = PdfFixtures.scannedPage(300, List.of("INVOICE 4711", "Total due 1,234.56"), 12);
        BufferedImage specks = PdfFixtures.scannedPage(300, List.of(), 12);
        Graphics2D g = specks.createGraphics();
        g.setColor(Color.BLACK);
        for (int i = 0; i < 10; i++) {
            g.fillRect(200 + 150 * i, 300 + 200 * i, 6, 6); // dust: each far smaller than a thumbnail pixel
        }
        g.dispose();

        assertThat(PdfLayoutReader.hasInk(text)).isTrue();
        assertThat(PdfLayoutReader.hasInk(specks)).isFalse();
    }
}
