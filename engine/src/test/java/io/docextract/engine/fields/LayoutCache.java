package io.docextract.engine.fields;

import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.document.DocumentFormat;
import io.docextract.engine.document.DocumentReader;
import io.docextract.engine.layout.Layout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Layouts of corpus documents, read once and kept as JSON outside the repository: OCR takes
 * seconds per page and the corpus tools re-run field finding many times over the same layouts.
 * Delete the folder after the document reader changes. With {@code -Ddocextract.layoutCache.cachedOnly=true}
 * documents not yet in the cache are skipped instead of read (experiments while OCR fills it).
 */
final class LayoutCache {

    private static final Path DIR = Path.of(System.getProperty("docextract.layoutCache", "/tmp/docextract-layouts"));
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final boolean CACHED_ONLY = Boolean.getBoolean("docextract.layoutCache.cachedOnly");

    private final DocumentReader reader = new DocumentReader(EngineOptions.defaults());

    /** The layout, or null when the reader cannot read the document (the error is printed). */
    Layout layout(CorpusDocument doc) {
        Path cached = DIR.resolve(doc.dataset()).resolve(doc.file().getFileName() + ".json");
        try {
            if (Files.exists(cached)) {
                return JSON.readValue(cached.toFile(), Layout.class);
            }
            if (CACHED_ONLY) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(doc.file());
            DocumentFormat format = DocumentFormat.fromMimeType(doc.mimeType()).orElseThrow();
            Layout layout = reader.read(bytes, format);
            Files.createDirectories(cached.getParent());
            JSON.writeValue(cached.toFile(), layout);
            return layout;
        } catch (ExtractionException | UnsupportedOperationException e) {
            System.err.println("unreadable " + doc.file().getFileName() + ": " + e.getMessage());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
