package io.docextract.engine;

import io.docextract.engine.document.DocumentFormat;
import io.docextract.engine.document.DocumentReader;
import io.docextract.engine.fields.FieldFinder;
import io.docextract.engine.fields.Scanners;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.values.DocumentContextDetector;
import io.docextract.engine.values.ValueScanners;
import java.util.function.BiFunction;

/**
 * The engine: reads the document into a {@link Layout} and finds the extractor's fields in it.
 * Thread-safe; one instance serves every worker.
 */
public final class DefaultExtractionEngine implements ExtractionEngine {

    private final BiFunction<byte[], DocumentFormat, Layout> reader;
    private final FieldFinder fields;

    /** The engine with the standard document reader and value scanners. */
    public static DefaultExtractionEngine create(EngineOptions options) {
        DocumentReader reader = new DocumentReader(options);
        return new DefaultExtractionEngine(reader::read, standardScanners());
    }

    public DefaultExtractionEngine(EngineOptions options) {
        this(new DocumentReader(options)::read, standardScanners());
    }

    /** The value scanners of the {@code values} package. */
    public static Scanners standardScanners() {
        DocumentContextDetector detector = new DocumentContextDetector();
        return new Scanners(
                ValueScanners.forType(FieldType.DATE),
                ValueScanners.forType(FieldType.CURRENCY),
                ValueScanners.forType(FieldType.NUMBER),
                ValueScanners.forType(FieldType.EMAIL),
                ValueScanners.forType(FieldType.PHONE),
                ValueScanners.forType(FieldType.BOOLEAN),
                ValueScanners.iban(),
                ValueScanners.vatId(),
                ValueScanners.currency(),
                detector::detect);
    }

    /** An engine with its parts given: a document reader and the value scanners. */
    public DefaultExtractionEngine(BiFunction<byte[], DocumentFormat, Layout> reader, Scanners scanners) {
        this.reader = reader;
        this.fields = new FieldFinder(scanners);
    }

    @Override
    public ExtractionResult extract(DocumentInput document, ExtractorSpec extractor) {
        DocumentFormat format = DocumentFormat.fromMimeType(document.mimeType())
                .or(() -> DocumentFormat.sniff(document.bytes()))
                .orElseThrow(() -> new ExtractionException(
                        ExtractionErrorCode.DOCUMENT_UNREADABLE, "Unsupported document type " + document.mimeType()));
        Layout layout = reader.apply(document.bytes(), format);
        if (!layout.hasText()) {
            throw new ExtractionException(ExtractionErrorCode.DOCUMENT_UNREADABLE);
        }
        return extract(layout, extractor);
    }

    /** Finds the fields in a document already read (the reader is the slow part; tools cache it). */
    public ExtractionResult extract(Layout layout, ExtractorSpec extractor) {
        return fields.extract(layout, extractor);
    }
}
