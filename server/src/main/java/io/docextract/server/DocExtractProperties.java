package io.docextract.server;

import io.docextract.engine.EngineOptions;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's configuration, from {@code DOCEXTRACT_*} environment variables (or the same keys
 * as {@code docextract.*} properties). Derived defaults (database and blob URLs under the data
 * folder, workers = cores) are resolved here so that the rest of the code sees final values.
 */
@ConfigurationProperties(prefix = "docextract")
public record DocExtractProperties(
        Integer port,
        String dataDir,
        String databaseUrl,
        String blobUrl,
        Integer workers,
        String adminToken,
        String publicUrl,
        String ocr,
        String role,
        Long maxDocumentBytes,
        Integer maxPages,
        Integer linkTtlSeconds,
        String signingSecret,
        String ocrEngine,
        String ocrModels,
        String ocrLanguages) {

    public DocExtractProperties {
        port = port == null ? 8080 : port;
        dataDir = blank(dataDir) ? "./data" : dataDir;
        databaseUrl = blank(databaseUrl) ? "jdbc:sqlite:" + Path.of(dataDir).resolve("docextract.db") : databaseUrl;
        blobUrl = blank(blobUrl) ? "file:" + Path.of(dataDir).resolve("blobs") : blobUrl;
        workers = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        publicUrl = blank(publicUrl) ? null : stripTrailingSlash(publicUrl);
        ocr = blank(ocr) ? "auto" : ocr;
        role = blank(role) ? "all" : role;
        maxDocumentBytes = maxDocumentBytes == null ? 50L * 1024 * 1024 : maxDocumentBytes;
        maxPages = maxPages == null ? 500 : maxPages;
        linkTtlSeconds = linkTtlSeconds == null ? 3600 : linkTtlSeconds;
        ocrEngine = blank(ocrEngine) ? "auto" : ocrEngine;
        ocrModels = blank(ocrModels) ? EngineOptions.defaultOcrModels().toString() : ocrModels;
        // Tesseract's form ("eng+deu"); a list written with commas or spaces means the same.
        ocrLanguages = blank(ocrLanguages)
                ? EngineOptions.defaults().ocrLanguages()
                : ocrLanguages.strip().replaceAll("[,\\s]+", "+");
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    public boolean ocrEnabled() {
        return !"off".equals(ocr);
    }

    /**
     * Whether this process runs the job workers: {@code serve} (role {@code all}) and {@code
     * worker}; not {@code serve --role api} nor the operator commands (role {@code admin}).
     */
    public boolean runsWorkers() {
        return ("all".equals(role) || "worker".equals(role)) && workers > 0;
    }

    /** Whether this process serves the HTTP API. */
    public boolean servesApi() {
        return "all".equals(role) || "api".equals(role);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
