package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrayTiffTest {

    @Test
    void writesEveryPixelAsATiffReaderReadsIt(@TempDir Path dir) throws IOException {
        // An odd width: rows are not padded to any boundary.
        BufferedImage gray = ScanPreprocessor.grayscale(ImageFixtures.textImage(301, 77, List.of("Total 12.50"), 30));
        byte[] pixels = ScanPreprocessor.pixels(gray);
        pixels[0] = 0;
        pixels[pixels.length - 1] = (byte) 200;
        Path file = dir.resolve("page.tif");

        GrayTiff.write(gray, file);

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(301);
        assertThat(read.getHeight()).isEqualTo(77);
        assertThat(read.getRaster().getNumBands()).isEqualTo(1);
        int[] readPixels = read.getRaster().getPixels(0, 0, 301, 77, (int[]) null);
        for (int i = 0; i < pixels.length; i++) {
            assertThat(readPixels[i]).as("pixel %d", i).isEqualTo(pixels[i] & 0xff);
        }
        assertThat(Files.size(file)).isEqualTo(8 + 301 * 77 + 2 + 9 * 12 + 4);
    }
}
