package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class TesseractTsvTest {

    private static final String HEADER =
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    private static String word(
            int block, int line, int left, int top, int width, int height, double conf, String text) {
        return "5\t1\t" + block + "\t1\t" + line + "\t1\t" + left + "\t" + top + "\t" + width + "\t" + height + "\t"
                + conf + "\t" + text + "\n";
    }

    @Test
    void wordsBecomeLinesWithNormalizedBoxesAndConfidence() {
        String tsv = HEADER
                + "1\t1\t0\t0\t0\t0\t0\t0\t1000\t500\t-1\t\n"
                + word(1, 1, 100, 50, 200, 30, 96.5, "Invoice")
                + word(1, 1, 320, 50, 100, 30, 91.0, "42")
                + word(1, 2, 100, 120, 150, 30, 88.0, "Total")
                // Tesseract put the amount on the same row in another block: one line.
                + word(2, 1, 800, 118, 100, 32, 90.0, "12.50")
                + word(3, 1, 500, 300, 20, 20, 12.0, "|")
                + word(3, 1, 600, 300, 20, 20, 95.0, " ");

        List<Line> lines = TesseractTsv.parse(tsv, 1000, 500);

        assertThat(lines).extracting(Line::text).containsExactly("Invoice 42", "Total 12.50");
        Word invoice = lines.getFirst().words().getFirst();
        assertThat(invoice.box().x0()).isCloseTo(0.1, within(1e-9));
        assertThat(invoice.box().y0()).isCloseTo(0.1, within(1e-9));
        assertThat(invoice.box().x1()).isCloseTo(0.3, within(1e-9));
        assertThat(invoice.box().y1()).isCloseTo(0.16, within(1e-9));
        assertThat(invoice.confidence()).isCloseTo(0.965, within(1e-9));
    }

    @Test
    void columnsAboveEachOtherStaySeparateLines() {
        String tsv = HEADER + word(1, 1, 100, 100, 200, 30, 90, "Left") + word(2, 1, 120, 110, 200, 30, 90, "Below");

        assertThat(TesseractTsv.parse(tsv, 1000, 1000)).extracting(Line::text).containsExactly("Left", "Below");
    }
}
