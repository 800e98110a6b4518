package io.docextract.engine.document;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.layout.Layout;

/**
 * Reads any supported document into the one {@link Layout}: pages of lines of words with boxes
 * normalized to the page (0–1, origin top-left). Thread-safe; one instance serves every worker.
 */
public final class DocumentReader {

    private final EngineOptions options;
    private final PageOcr ocr;
    private final PdfLayoutReader pdf;
    private final ImageLayoutReader images;
    private final DocxLayoutReader docx = new DocxLayoutReader();
    private final HtmlLayoutReader html = new HtmlLayoutReader();
    private final TextLayoutReader text = TextLayoutReader.plain();
    private final TextLayoutReader csv = TextLayoutReader.csv();

    public DocumentReader(EngineOptions options) {
        this(options, new TesseractOcr(options));
    }

    public DocumentReader(EngineOptions options, TesseractOcr tesseract) {
        this(options, PageOcr.of(options, tesseract));
    }

    DocumentReader(EngineOptions options, PageOcr ocr) {
        this.options = options;
        this.ocr = ocr;
        this.pdf = new PdfLayoutReader(options, ocr);
        this.images = new ImageLayoutReader(options, ocr);
    }

    /** Tesseract as this reader uses it; the server's readiness check asks it whether it runs. */
    public TesseractOcr ocr() {
        return ocr.tesseract();
    }

    /**
     * Whether PP-OCR reads scanned pages (its models are installed and load, and it is not switched
     * off); loads the models when no page has needed them yet.
     */
    public boolean paddleOcr() {
        return ocr.paddleEnabled();
    }

    /**
     * Reads the document.
     *
     * @throws ExtractionException {@code document_corrupt} when the bytes cannot be parsed as the
     *     format, {@code document_encrypted} for a PDF that needs a password to open,
     *     {@code too_many_pages} above {@link EngineOptions#maxPages()} (checked before pages are
     *     parsed), {@code document_unreadable} when no text at all could be recovered (or an image
     *     is too large to decode), {@code ocr_unavailable} when a page needs OCR that is off or
     *     missing, {@code extraction_timeout} when OCR or the whole document takes too long
     */
    public Layout read(byte[] bytes, DocumentFormat format) {
        if (bytes.length == 0) {
            throw new ExtractionException(ExtractionErrorCode.DOCUMENT_UNREADABLE, "The document is empty.");
        }
        LayoutReader reader = switch (format) {
            case PDF -> pdf;
            case PNG, JPEG, TIFF, WEBP, BMP, GIF -> images;
            case DOCX -> docx;
            case HTML -> html;
            case TEXT -> text;
            case CSV -> csv;
        };
        Layout layout = reader.read(bytes, Deadline.after(options.documentTimeout()));
        // PDFs and images are refused before parsing; formats without pages only know after layout.
        if (layout.pageCount() > options.maxPages()) {
            throw new ExtractionException(
                    ExtractionErrorCode.TOO_MANY_PAGES,
                    "The document makes " + layout.pageCount() + " pages; at most " + options.maxPages()
                            + " are allowed.");
        }
        if (!layout.hasText()) {
            throw new ExtractionException(
                    ExtractionErrorCode.DOCUMENT_UNREADABLE,
                    "No text could be recovered from the " + layout.pageCount() + " page(s) of the document.");
        }
        return layout;
    }
}
