package io.docextract.engine.document;

import io.docextract.engine.layout.Layout;

/**
 * Reads the bytes of one document format into a {@link Layout}.
 *
 * <p>Contract: every page of the document appears in the layout, numbered from 1, even when it
 * is blank; boxes are normalized to their page (0–1, origin top-left); lines run top to bottom
 * and words left to right. Failures are {@link io.docextract.engine.ExtractionException}s with
 * the error code saying why (corrupt, encrypted, too many pages, OCR unavailable, timeout).
 * Deciding that a layout without any text is unreadable is the caller's job. Implementations
 * are thread-safe.
 */
sealed interface LayoutReader
        permits PdfLayoutReader, ImageLayoutReader, DocxLayoutReader, HtmlLayoutReader, TextLayoutReader {

    Layout read(byte[] bytes, Deadline deadline);
}
