package io.docextract.engine.document;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Images (PNG, JPEG, TIFF with every page, WebP, BMP, GIF's first frame) read with ImageIO and
 * OCRed. Sizes come from the image header and are checked before any pixel is decoded, so an
 * oversized image is refused without touching the heap.
 */
final class ImageLayoutReader implements LayoutReader {

    /**
     * Images above this many pixels (but within the configured maximum) are subsampled while
     * decoding: 25 MP is an A4 page at 500 dpi, more than OCR needs, and keeps one decoded page
     * near 100 MB at most.
     */
    static final long DECODE_PIXEL_BUDGET = 25_000_000L;

    private final EngineOptions options;
    private final PageOcr ocr;

    ImageLayoutReader(EngineOptions options, PageOcr ocr) {
        this.options = options;
        this.ocr = ocr;
    }

    @Override
    public Layout read(byte[] bytes, Deadline deadline) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new ExtractionException(
                        ExtractionErrorCode.DOCUMENT_CORRUPT, "The bytes are not an image format that can be read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, false, true);
                return new Layout(readPages(reader, deadline));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ExtractionException extraction) {
                throw extraction;
            }
            throw new ExtractionException(
                    ExtractionErrorCode.DOCUMENT_CORRUPT, "The image could not be decoded: " + e.getMessage(), e);
        }
    }

    private List<Page> readPages(ImageReader reader, Deadline deadline) throws IOException {
        int pageCount = pageCount(reader);
        if (pageCount > options.maxPages()) {
            throw new ExtractionException(
                    ExtractionErrorCode.TOO_MANY_PAGES,
                    "The image has " + pageCount + " pages; at most " + options.maxPages() + " are allowed.");
        }
        for (int index = 0; index < pageCount; index++) {
            long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
            if (pixels > options.maxImagePixels()) {
                throw new ExtractionException(
                        ExtractionErrorCode.DOCUMENT_UNREADABLE,
                        "The image is too large to read: " + reader.getWidth(index) + " × " + reader.getHeight(index)
                                + " pixels, at most " + options.maxImagePixels() + " pixels are allowed.");
            }
        }
        List<Page> pages = new ArrayList<>(pageCount);
        DocumentLanguage language = new DocumentLanguage();
        for (int index = 0; index < pageCount; index++) {
            deadline.check();
            BufferedImage image = decode(reader, index);
            OcrResult result = ocr.recognize(image, deadline, language);
            pages.add(new Page(index + 1, result.width(), result.height(), result.lines(), true));
        }
        return pages;
    }

    /** Every page of a TIFF; one for the other formats (a GIF's later frames are animation). */
    private static int pageCount(ImageReader reader) throws IOException {
        if (!reader.getFormatName().equalsIgnoreCase("tif")
                && !reader.getFormatName().equalsIgnoreCase("tiff")) {
            return 1;
        }
        int count = reader.getNumImages(true);
        return Math.max(count, 1);
    }

    private static BufferedImage decode(ImageReader reader, int index) throws IOException {
        long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
        ImageReadParam param = reader.getDefaultReadParam();
        if (pixels > DECODE_PIXEL_BUDGET) {
            int step = (int) Math.ceil(Math.sqrt((double) pixels / DECODE_PIXEL_BUDGET));
            param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(index, param);
    }
}
