package io.docextract.engine.fields;

import java.nio.file.Path;
import java.util.Map;

/**
 * One labelled document of a corpus dataset.
 *
 * @param group documents that must share a cross-validation fold (a scan and its PDF)
 */
record CorpusDocument(String dataset, Path file, String mimeType, Map<String, Object> fields, String group) {}
