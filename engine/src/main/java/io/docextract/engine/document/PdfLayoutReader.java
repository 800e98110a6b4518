package io.docextract.engine.document;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDF pages from their text layer (PDFBox), with pages whose text layer is missing or garbled
 * rendered at 300 dpi (or, for a bare 300 dpi scan, its image taken as it is: {@link FullPageScan})
 * and OCRed.
 */
final class PdfLayoutReader implements LayoutReader {

    static final float OCR_DPI = 300;

    /** Resolution of the thumbnail that tells a blank page from a scan; a blank page is not OCRed. */
    private static final float INK_CHECK_DPI = 24;

    /** A thumbnail pixel darker than this is ink. */
    private static final int INK = 160;

    /** A few dark thumbnail pixels are specks or a page number; text needs more. */
    private static final int INKED_THUMBNAIL_PIXELS = 20;

    private final EngineOptions options;
    private final PageOcr ocr;

    PdfLayoutReader(EngineOptions options, PageOcr ocr) {
        this.options = options;
        this.ocr = ocr;
    }

    @Override
    public Layout read(byte[] bytes, Deadline deadline) {
        // Decoded streams go to a scratch file, not the heap: a 500-page PDF stays within a small heap.
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) {
                throw new ExtractionException(ExtractionErrorCode.DOCUMENT_CORRUPT, "The PDF has no pages.");
            }
            if (pageCount > options.maxPages()) {
                throw new ExtractionException(
                        ExtractionErrorCode.TOO_MANY_PAGES,
                        "The PDF has " + pageCount + " pages; at most " + options.maxPages() + " are allowed.");
            }
            return new Layout(readPages(document, deadline));
        } catch (InvalidPasswordException e) {
            throw new ExtractionException(
                    ExtractionErrorCode.DOCUMENT_ENCRYPTED, "The PDF needs a password to be opened.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ExtractionException extraction) {
                throw extraction;
            }
            throw new ExtractionException(
                    ExtractionErrorCode.DOCUMENT_CORRUPT, "The PDF could not be parsed: " + e.getMessage(), e);
        }
    }

    private List<Page> readPages(PDDocument document, Deadline deadline) throws IOException {
        WordStripper stripper = new WordStripper(document.getNumberOfPages(), deadline);
        stripper.writeText(document, Writer.nullWriter());
        PDFRenderer renderer = null;
        List<Page> pages = new ArrayList<>();
        DocumentLanguage language = new DocumentLanguage();
        for (int index = 0; index < document.getNumberOfPages(); index++) {
            PDPage pdfPage = document.getPage(index);
            PDRectangle size = displayedSize(pdfPage);
            List<Line> lines = stripper.lines(index);
            TextLayerQuality quality = TextLayerQuality.of(lines);
            if (quality.needsOcr()) {
                if (renderer == null) {
                    renderer = new PDFRenderer(document);
                }
                deadline.check();
                Optional<BufferedImage> scan = FullPageScan.of(pdfPage, OCR_DPI);
                boolean inked = scan.isPresent() ? hasInk(scan.get()) : hasInk(renderer, index);
                if (quality == TextLayerQuality.GARBLED || inked) {
                    BufferedImage image =
                            scan.isPresent() ? scan.get() : renderer.renderImageWithDPI(index, OCR_DPI, ImageType.GRAY);
                    OcrResult result = ocr.recognize(image, deadline, language);
                    if (!result.lines().isEmpty() || quality == TextLayerQuality.GARBLED) {
                        // Sizes in points; the OCR image may have been turned upright.
                        double width = result.width() * 72.0 / OCR_DPI;
                        double height = result.height() * 72.0 / OCR_DPI;
                        pages.add(new Page(index + 1, width, height, result.lines(), true));
                        continue;
                    }
                }
            }
            pages.add(new Page(index + 1, size.getWidth(), size.getHeight(), lines, false));
        }
        return pages;
    }

    private static PDRectangle displayedSize(PDPage page) {
        PDRectangle box = page.getCropBox();
        int rotation = ((page.getRotation() % 360) + 360) % 360;
        return rotation == 90 || rotation == 270 ? new PDRectangle(box.getHeight(), box.getWidth()) : box;
    }

    private static boolean hasInk(PDFRenderer renderer, int index) throws IOException {
        BufferedImage thumbnail = renderer.renderImageWithDPI(index, INK_CHECK_DPI, ImageType.GRAY);
        Raster raster = thumbnail.getRaster();
        int dark = 0;
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                if (raster.getSample(x, y, 0) < INK) {
                    dark++;
                }
            }
        }
        return dark > INKED_THUMBNAIL_PIXELS;
    }

    /**
     * The same test on a page's scan at the OCR resolution, with the mean of each square of
     * pixels that one thumbnail pixel covers: rendering the thumbnail of a 300 dpi scan scales
     * all its pixels through Java2D's area averaging, which took more of the JVM's time on a
     * scanned page than everything else but the OCR.
     */
    static boolean hasInk(BufferedImage scan) {
        int cell = Math.round(OCR_DPI / INK_CHECK_DPI);
        int width = scan.getWidth();
        int height = scan.getHeight();
        byte[] pixels = ScanPreprocessor.pixels(scan);
        int dark = 0;
        for (int top = 0; top + cell <= height; top += cell) {
            for (int left = 0; left + cell <= width; left += cell) {
                long sum = 0;
                for (int y = top; y < top + cell; y++) {
                    int row = y * width;
                    for (int x = left; x < left + cell; x++) {
                        sum += pixels[row + x] & 0xff;
                    }
                }
                if (sum < (long) INK * cell * cell && ++dark > INKED_THUMBNAIL_PIXELS) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Collects words with boxes per page; PDFBox calls writeString once per word-ish run. */
    private static final class WordStripper extends PDFTextStripper {

        private final List<List<Line>> linesByPage;
        private final Deadline deadline;
        private List<Word> words = new ArrayList<>();
        private double pageWidth;
        private double pageHeight;

        WordStripper(int pageCount, Deadline deadline) {
            this.deadline = deadline;
            this.linesByPage = new ArrayList<>(pageCount);
            for (int i = 0; i < pageCount; i++) {
                linesByPage.add(List.of());
            }
            setSortByPosition(true);
            setSuppressDuplicateOverlappingText(true);
        }

        List<Line> lines(int pageIndex) {
            return linesByPage.get(pageIndex);
        }

        @Override
        protected void startPage(PDPage page) {
            deadline.check();
            words = new ArrayList<>();
            PDRectangle size = displayedSize(page);
            pageWidth = size.getWidth();
            pageHeight = size.getHeight();
        }

        @Override
        protected void endPage(PDPage page) {
            linesByPage.set(getCurrentPageNo() - 1, LineGrouper.group(words));
            words = new ArrayList<>();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            List<TextPosition> current = new ArrayList<>();
            TextPosition previous = null;
            for (TextPosition position : positions) {
                String unicode = position.getUnicode();
                if (unicode == null || unicode.isBlank()) {
                    addWord(current);
                    current = new ArrayList<>();
                    previous = null;
                    continue;
                }
                if (previous != null && isWordGap(previous, position)) {
                    addWord(current);
                    current = new ArrayList<>();
                }
                current.add(position);
                previous = position;
            }
            addWord(current);
        }

        /** A gap wider than half a space (or a jump backwards) separates words. */
        private static boolean isWordGap(TextPosition previous, TextPosition next) {
            float gap = next.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
            float space = previous.getWidthOfSpace();
            float size = Math.max(1, previous.getFontSizeInPt());
            float threshold = space > 0 && Float.isFinite(space) ? 0.5f * space : 0.25f * size;
            return gap > threshold || gap < -size;
        }

        private void addWord(List<TextPosition> positions) {
            if (positions.isEmpty() || pageWidth <= 0 || pageHeight <= 0) {
                return;
            }
            StringBuilder text = new StringBuilder();
            double x0 = Double.MAX_VALUE;
            double top = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            double fontSize = 0;
            for (TextPosition p : positions) {
                text.append(p.getUnicode());
                double height = p.getHeightDir() > 0 ? p.getHeightDir() : p.getFontSizeInPt() * 0.7;
                x0 = Math.min(x0, p.getXDirAdj());
                x1 = Math.max(x1, p.getXDirAdj() + p.getWidthDirAdj());
                top = Math.min(top, p.getYDirAdj() - height);
                // Room for descenders below the baseline.
                bottom = Math.max(bottom, p.getYDirAdj() + height * 0.25);
                fontSize = Math.max(fontSize, p.getFontSizeInPt());
            }
            String word = text.toString().strip();
            if (word.isEmpty()) {
                return;
            }
            Box box = new Box(
                    clamp(x0 / pageWidth), clamp(top / pageHeight), clamp(x1 / pageWidth), clamp(bottom / pageHeight));
            words.add(new Word(word, box, 1.0, Math.round(fontSize * 10) / 10.0, isBold(positions.getFirst())));
        }

        private static boolean isBold(TextPosition position) {
            PDFont font = position.getFont();
            if (font == null) {
                return false;
            }
            String name = font.getName();
            if (name != null && name.toLowerCase(Locale.ROOT).contains("bold")) {
                return true;
            }
            PDFontDescriptor descriptor = font.getFontDescriptor();
            return descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
        }

        private static double clamp(double value) {
            return Math.max(0, Math.min(1, value));
        }
    }
}
