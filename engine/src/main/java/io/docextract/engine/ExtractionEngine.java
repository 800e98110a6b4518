package io.docextract.engine;

/**
 * Turns one document into typed fields. Implementations are thread-safe: one instance serves
 * every worker.
 */
public interface ExtractionEngine {

    /**
     * Extracts the extractor's fields from the document.
     *
     * @throws ExtractionException with the reason when the document cannot be read at all; a
     *     readable document where nothing is found is a result with null fields, not an error
     */
    ExtractionResult extract(DocumentInput document, ExtractorSpec extractor);
}
