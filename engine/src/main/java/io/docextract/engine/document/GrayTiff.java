package io.docextract.engine.document;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a prepared gray page as an uncompressed TIFF file: the header, the pixels as one strip,
 * and the directory after them. This is the input Tesseract reads cheapest. A PGM piped to its
 * standard input cost about a sixth of its time on a 300 dpi page before recognition began: it
 * buffers standard input a character at a time and Leptonica parses a PGM a byte at a time
 * (docs/extraction.md, "OCR").
 */
final class GrayTiff {

    private static final short SHORT = 3;
    private static final short LONG = 4;

    // The directory's tags, in the ascending order TIFF requires.
    private static final short IMAGE_WIDTH = 256;
    private static final short IMAGE_LENGTH = 257;
    private static final short BITS_PER_SAMPLE = 258;
    private static final short COMPRESSION = 259;
    private static final short PHOTOMETRIC_INTERPRETATION = 262;
    private static final short STRIP_OFFSETS = 273;
    private static final short SAMPLES_PER_PIXEL = 277;
    private static final short ROWS_PER_STRIP = 278;
    private static final short STRIP_BYTE_COUNTS = 279;

    private static final int HEADER_BYTES = 8;
    private static final int ENTRIES = 9;

    private GrayTiff() {}

    /** {@code gray} written to a new temporary file, which the caller deletes. */
    static Path temporaryFile(BufferedImage gray) throws IOException {
        Path file = Files.createTempFile("docextract-ocr-", ".tif");
        try {
            write(gray, file);
            return file;
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Writes {@code gray} (one byte per pixel, rows without padding) to {@code file}. */
    static void write(BufferedImage gray, Path file) throws IOException {
        int width = gray.getWidth();
        int height = gray.getHeight();
        int pixels = width * height;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(HEADER_BYTES + pixels);
        ByteBuffer directory = ByteBuffer.allocate(2 + ENTRIES * 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        directory.putShort((short) ENTRIES);
        entry(directory, IMAGE_WIDTH, LONG, width);
        entry(directory, IMAGE_LENGTH, LONG, height);
        entry(directory, BITS_PER_SAMPLE, SHORT, 8);
        entry(directory, COMPRESSION, SHORT, 1);
        // 1: black is zero, as the gray bytes are.
        entry(directory, PHOTOMETRIC_INTERPRETATION, SHORT, 1);
        entry(directory, STRIP_OFFSETS, LONG, HEADER_BYTES);
        entry(directory, SAMPLES_PER_PIXEL, SHORT, 1);
        entry(directory, ROWS_PER_STRIP, LONG, height);
        entry(directory, STRIP_BYTE_COUNTS, LONG, pixels);
        directory.putInt(0);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header.array());
            out.write(ScanPreprocessor.pixels(gray), 0, pixels);
            out.write(directory.array());
        }
    }

    /** One directory entry of one value; a SHORT value sits in the first two of its four bytes. */
    private static void entry(ByteBuffer directory, short tag, short type, int value) {
        directory.putShort(tag).putShort(type).putInt(1);
        if (type == SHORT) {
            directory.putShort((short) value).putShort((short) 0);
        } else {
            directory.putInt(value);
        }
    }
}
