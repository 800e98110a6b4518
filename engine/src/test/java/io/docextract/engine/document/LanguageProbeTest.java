package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LanguageProbeTest {

    private static final int PIXEL_SIZE = 40;

    /** Rows of text {@code 2 * PIXEL_SIZE} apart (baselines at 80, 160, …), as a gray page. */
    private static BufferedImage page(int rows, int height) {
        List<String> lines = IntStream.rangeClosed(1, rows)
                .mapToObj(i -> "Row " + i + " of the page with its words and figures 12.50")
                .toList();
        return gray(ImageFixtures.textImage(1800, height, lines, PIXEL_SIZE));
    }

    private static BufferedImage gray(BufferedImage image) {
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return gray;
    }

    private static boolean blankRow(BufferedImage gray, int y) {
        return IntStream.range(0, gray.getWidth()).allMatch(x -> (gray.getRGB(x, y) & 0xff) >= 128);
    }

    @Test
    void cutsInTheGapBelowTheFirstQuarterOfTheRowsOfText() {
        BufferedImage page = page(12, 1200);

        OptionalInt cut = LanguageProbe.cut(page);

        // A quarter of 12 rows: below the third row (baseline 240), above the fourth (baseline 320,
        // letters from about 290).
        assertThat(cut).isPresent();
        assertThat(cut.getAsInt()).isBetween(3 * 2 * PIXEL_SIZE, 4 * 2 * PIXEL_SIZE - PIXEL_SIZE);
        assertThat(blankRow(page, cut.getAsInt())).isTrue();
    }

    @Test
    void aTableRuleCrossingTheGapsDoesNotJoinTheRows() {
        BufferedImage page = page(12, 1200);
        BufferedImage ruled = page(12, 1200);
        Graphics2D g = ruled.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(1700, 0, 3, 1200);
        g.dispose();

        assertThat(LanguageProbe.cut(ruled)).isEqualTo(LanguageProbe.cut(page));
    }

    @Test
    void aPageWithFewRowsOfTextIsReadWhole() {
        assertThat(LanguageProbe.cut(page(LanguageProbe.MIN_ROWS - 1, 1200))).isEmpty();
    }

    @Test
    void noTopBandReachesBelowTheMiddleOfThePage() {
        // A picture over the top two thirds, then the rows: their first quarter ends below the middle.
        BufferedImage page = page(12, 3600);
        BufferedImage pictured = new BufferedImage(1800, 3600, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = pictured.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1800, 3600);
        g.setColor(Color.GRAY);
        g.fillRect(100, 50, 1600, 2300);
        g.drawImage(page.getSubimage(0, 0, 1800, 1200), 0, 2400, null);
        g.dispose();

        assertThat(LanguageProbe.cut(page)).isPresent();
        assertThat(LanguageProbe.cut(pictured)).isEmpty();
    }

    @Test
    void aBandIsAnImageOfItsRows() {
        BufferedImage page = page(12, 1200);

        BufferedImage band = LanguageProbe.rows(page, 250, 700);

        assertThat(band.getHeight()).isEqualTo(450);
        assertThat(band.getWidth()).isEqualTo(page.getWidth());
        for (int y = 0; y < band.getHeight(); y += 7) {
            for (int x = 0; x < band.getWidth(); x += 5) {
                assertThat(band.getRGB(x, y)).isEqualTo(page.getRGB(x, y + 250));
            }
        }
    }
}
