package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanPreprocessorTest {

    private static final List<String> TEXT = List.of(
            "The quick brown fox jumps over the lazy dog 0123456789",
            "Invoice number 2024-117 issued on 12 March 2024",
            "Total amount due 1,234.56 EUR payable within 30 days",
            "Bank account DE89 3704 0044 0532 0130 00 at Example Bank");

    @ParameterizedTest
    @ValueSource(doubles = {-3, -1.5, 0, 1, 2.5})
    void findsTheSkewAngle(double degrees) {
        BufferedImage skewed = ScanPreprocessor.grayscale(
                ImageFixtures.rotated(ImageFixtures.textImage(1800, 600, TEXT, 36), degrees));

        // The correction turns the other way.
        assertThat(ScanPreprocessor.skewAngle(skewed)).isCloseTo(-degrees, within(0.5));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void quarterTurnsComposeToTheOriginal(int turns) {
        BufferedImage gray = ScanPreprocessor.grayscale(ImageFixtures.textImage(300, 100, List.of("Turn"), 30));

        BufferedImage back = ScanPreprocessor.quarterTurns(ScanPreprocessor.quarterTurns(gray, turns), 4 - turns);

        assertThat(ScanPreprocessor.pixels(back)).isEqualTo(ScanPreprocessor.pixels(gray));
        assertThat(ScanPreprocessor.quarterTurns(gray, turns).getWidth()).isEqualTo(turns % 2 == 1 ? 100 : 300);
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 90, 140})
    void flatteningTurnsADarkSurroundingIntoPaperAndKeepsTextDark(int surrounding) {
        BufferedImage gray = ScanPreprocessor.grayscale(ImageFixtures.textImage(800, 400, List.of("Receipt"), 60));
        byte[] pixels = ScanPreprocessor.pixels(gray);
        // A dim photo: paper at 170, a darker table around it, text stays near black.
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 800; x++) {
                int v = pixels[y * 800 + x] & 0xff;
                int paper = x < 600 ? 170 : surrounding;
                pixels[y * 800 + x] = (byte) (v * paper / 255);
            }
        }

        ScanPreprocessor.flattenBackground(gray);

        assertThat(pixels[200 * 800 + 500] & 0xff).isGreaterThan(240); // paper
        assertThat(pixels[200 * 800 + 750] & 0xff).isGreaterThan(200); // the surrounding
        int darkest = 255;
        for (int y = 60; y < 140; y++) {
            for (int x = 120; x < 500; x++) {
                darkest = Math.min(darkest, pixels[y * 800 + x] & 0xff);
            }
        }
        assertThat(darkest).isLessThan(60); // text
    }

    @Test
    void clearingTheBorderWhitensADarkSurroundingReachingTheEdgeAndKeepsPrint() {
        BufferedImage gray = ImageFixtures.paleReceiptBesideADarkTable(List.of("Receipt 4711", "Total 47.70"));
        byte[] pixels = ScanPreprocessor.pixels(gray);
        int width = gray.getWidth();
        int inkBefore = ink(gray, 0, width / 2);

        ScanPreprocessor.clearDarkBorder(gray);

        assertThat(pixels[300 * width + width - 5] & 0xff).isEqualTo(255); // the table
        assertThat(pixels[10 * width + width - 5] & 0xff).isEqualTo(255);
        assertThat(ink(gray, 0, width / 2)).isEqualTo(inkBefore); // print on the paper
        assertThat(inkBefore).isGreaterThan(1000);
    }

    @Test
    void clearingTheBorderLeavesAPageWithoutSurroundingAlone() {
        BufferedImage gray = ScanPreprocessor.grayscale(ImageFixtures.textImage(800, 300, List.of("Receipt"), 60));
        byte[] before = ScanPreprocessor.pixels(gray).clone();

        ScanPreprocessor.clearDarkBorder(gray);

        assertThat(ScanPreprocessor.pixels(gray)).isEqualTo(before);
    }

    /** Pixels darker than the pale print's level between columns {@code from} and {@code to}. */
    private static int ink(BufferedImage gray, int from, int to) {
        byte[] pixels = ScanPreprocessor.pixels(gray);
        int count = 0;
        for (int y = 0; y < gray.getHeight(); y++) {
            for (int x = from; x < to; x++) {
                if ((pixels[y * gray.getWidth() + x] & 0xff) < 200) {
                    count++;
                }
            }
        }
        return count;
    }
}
