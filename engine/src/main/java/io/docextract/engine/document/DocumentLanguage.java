package io.docextract.engine.document;

import java.util.Optional;

/**
 * The configured OCR language (a Tesseract code) that the scanned pages of one document have
 * shown so far. Later pages start their first reading with it ({@link OcrLanguages#first(Optional)}),
 * so each page of a German document is read once in {@code deu+eng} instead of in English and
 * then again in German. One per document; the readers read its pages in order on one thread.
 */
final class DocumentLanguage {

    private String shown;

    private boolean probed;

    Optional<String> shown() {
        return Optional.ofNullable(shown);
    }

    /**
     * Whether a page's top band should be read first for its language: no page of the document
     * has shown one, and none was probed (a document's first page speaks for the rest; later
     * pages that show another language are read again, as pages without a probe are).
     */
    boolean unprobed() {
        return shown == null && !probed;
    }

    void probed() {
        probed = true;
    }

    /** The language the latest page showed; a page that shows none (a table of figures) keeps it. */
    void remember(Optional<String> language) {
        language.ifPresent(lang -> shown = lang);
    }
}
