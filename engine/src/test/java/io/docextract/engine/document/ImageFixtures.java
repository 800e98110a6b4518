package io.docextract.engine.document;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Images with text drawn by Java2D, encoded by ImageIO, for the OCR tests. */
final class ImageFixtures {

    private ImageFixtures() {}

    static BufferedImage textImage(int width, int height, List<String> lines, int pixelSize) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, pixelSize));
            int y = pixelSize * 2;
            for (String line : lines) {
                g.drawString(line, pixelSize * 2, y);
                y += pixelSize * 2;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * A photographed thermal receipt: pale gray print on white paper whose torn right edge lies
     * on a black table filling the rest of the image, as a gray image.
     */
    static BufferedImage paleReceiptBesideADarkTable(List<String> lines) {
        int width = 1200;
        int height = 600;
        BufferedImage gray = ScanPreprocessor.grayscale(textImage(width, height, lines, 32));
        byte[] pixels = ScanPreprocessor.pixels(gray);
        for (int y = 0; y < height; y++) {
            int edge = 900 + (int) (40 * Math.sin(y / 25.0));
            for (int x = 0; x < width; x++) {
                int v = pixels[y * width + x] & 0xff;
                pixels[y * width + x] = (byte) (x >= edge ? 10 + (x * 7 + y * 13) % 20 : 175 + v * 80 / 255);
            }
        }
        return gray;
    }

    /** The image turned by {@code degrees} clockwise about its centre onto a white canvas. */
    static BufferedImage rotated(BufferedImage source, double degrees) {
        double radians = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        int width = (int) Math.round(source.getWidth() * cos + source.getHeight() * sin);
        int height = (int) Math.round(source.getHeight() * cos + source.getWidth() * sin);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform transform = new AffineTransform();
            transform.translate(width / 2.0, height / 2.0);
            transform.rotate(radians);
            transform.translate(-source.getWidth() / 2.0, -source.getHeight() / 2.0);
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BufferedImage writable = image;
            if (format.equals("bmp") || format.equals("jpeg") || format.equals("gif")) {
                writable = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
                writable.getGraphics().drawImage(image, 0, 0, null);
            }
            if (!ImageIO.write(writable, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] multiPageTiff(List<BufferedImage> pages) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.prepareWriteSequence(null);
                for (BufferedImage page : pages) {
                    writer.writeToSequence(new IIOImage(page, null, null), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid white grayscale PNG of the given size, written row by row so the test never holds
     * its pixels: a 20,000 × 20,000 one is about 400 KB of bytes for 400 MB of pixels.
     */
    static byte[] hugeWhitePng(int width, int height) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grayscale, deflate, no filter, no interlace
            chunk(png, "IHDR", header.toByteArray());
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(data, new Deflater(Deflater.BEST_SPEED))) {
                byte[] row = new byte[width + 1];
                java.util.Arrays.fill(row, 1, row.length, (byte) 0xff);
                for (int y = 0; y < height; y++) {
                    deflate.write(row);
                }
            }
            chunk(png, "IDAT", data.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
