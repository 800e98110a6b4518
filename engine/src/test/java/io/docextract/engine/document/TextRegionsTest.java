package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRegionsTest {

    private static final int WIDTH = 200;
    private static final int HEIGHT = 120;

    @Test
    void boxesEachRegionAndGrowsItBackToTheText() {
        float[] map = new float[WIDTH * HEIGHT];
        fill(map, 20, 10, 120, 20, 0.9f); // 100 × 10 pixels
        fill(map, 20, 40, 60, 50, 0.8f); // 40 × 10 pixels

        List<TextBox> boxes = sorted(TextRegions.find(map, WIDTH, HEIGHT));

        assertThat(boxes).hasSize(2);
        TextBox first = boxes.getFirst();
        // Unclipping 100 × 10 by area × 1.5 / perimeter = 6.82 pixels on every side.
        double grow = 100.0 * 10 * 1.5 / 220;
        assertThat(first.centerX()).isCloseTo(70, within(0.01));
        assertThat(first.centerY()).isCloseTo(15, within(0.01));
        assertThat(first.length()).isCloseTo(100 + 2 * grow, within(0.01));
        assertThat(first.thickness()).isCloseTo(10 + 2 * grow, within(0.01));
        assertThat(first.angle()).isCloseTo(0, within(1e-9));
        assertThat(boxes.get(1).centerX()).isCloseTo(40, within(0.01));
    }

    @Test
    void joinsPartsOfOneLineASpaceApartButNotColumnsOrOtherLines() {
        float[] map = new float[WIDTH * HEIGHT];
        fill(map, 10, 10, 30, 20, 0.9f); // "NO"
        fill(map, 40, 10, 150, 20, 0.9f); // "12, JALAN ..." one space (10 px) further
        fill(map, 10, 40, 40, 50, 0.9f); // "TOTAL"
        fill(map, 150, 40, 190, 50, 0.9f); // its amount, far right
        fill(map, 10, 60, 40, 70, 0.9f); // the next line

        List<TextBox> boxes = sorted(TextRegions.find(map, WIDTH, HEIGHT));

        assertThat(boxes).hasSize(4);
        TextBox joined = boxes.getFirst();
        double grow = 140.0 * 10 * 1.5 / 300;
        assertThat(joined.centerX()).isCloseTo(80, within(0.01));
        assertThat(joined.length()).isCloseTo(140 + 2 * grow, within(0.01));
        assertThat(joined.thickness()).isCloseTo(10 + 2 * grow, within(0.01));
    }

    @Test
    void dropsSpecksUnsureRegionsAndPixelsBelowTheThreshold() {
        float[] map = new float[WIDTH * HEIGHT];
        fill(map, 10, 10, 12, 12, 0.95f); // a 2 × 2 speck
        fill(map, 20, 40, 80, 50, 0.45f); // above the pixel threshold, below the region score
        fill(map, 20, 70, 80, 80, 0.25f); // below the pixel threshold

        assertThat(TextRegions.find(map, WIDTH, HEIGHT)).isEmpty();
    }

    @Test
    void followsASlantedLine() {
        float[] map = new float[WIDTH * HEIGHT];
        double slope = Math.tan(Math.toRadians(5));
        for (int x = 20; x < 180; x++) {
            int top = (int) Math.round(40 + (x - 20) * slope);
            fill(map, x, top, x + 1, top + 12, 0.9f);
        }

        List<TextBox> boxes = TextRegions.find(map, WIDTH, HEIGHT);

        assertThat(boxes).hasSize(1);
        assertThat(Math.toDegrees(boxes.getFirst().angle())).isCloseTo(5, within(0.5));
        // Along the slant the line is 13 pixels thick and grows by about 9 on each side; upright
        // its box would be 26 thick and grow by 17 on each side (59).
        assertThat(boxes.getFirst().thickness()).isBetween(28.0, 34.0);
    }

    @Test
    void boxesShortRegionsUpright() {
        float[] map = new float[WIDTH * HEIGHT];
        // A single character's blob, slightly wider at the bottom: no reliable axis.
        fill(map, 50, 50, 62, 60, 0.9f);
        fill(map, 50, 60, 66, 66, 0.9f);

        TextBox box = TextRegions.find(map, WIDTH, HEIGHT).getFirst();

        assertThat(box.angle()).isZero();
    }

    private static void fill(float[] map, int x0, int y0, int x1, int y1, float value) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                map[y * WIDTH + x] = value;
            }
        }
    }

    private static List<TextBox> sorted(List<TextBox> boxes) {
        return boxes.stream()
                .sorted(Comparator.comparingDouble(TextBox::centerY))
                .toList();
    }
}
