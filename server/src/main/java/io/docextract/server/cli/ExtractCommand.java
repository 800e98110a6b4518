package io.docextract.server.cli;

import io.docextract.engine.DefaultExtractionEngine;
import io.docextract.engine.DocumentInput;
import io.docextract.engine.EngineOptions;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.ExtractionResult;
import io.docextract.engine.ExtractorSpec;
import io.docextract.engine.FieldLocation;
import io.docextract.engine.document.DocumentFormat;
import io.docextract.server.extractors.ExtractorInput;
import io.docextract.server.extractors.FieldDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Runs the engine on one file, without a server or a database, and prints a job-shaped result. */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description =
                "Extract the fields of EXTRACTOR.json from FILE with the engine alone and print the result as JSON.")
public class ExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The document.")
    Path file;

    @Option(
            names = "--extractor",
            required = true,
            description = "Extractor definition as POST /v1/extractors takes it.")
    Path extractorFile;

    @Option(names = "--mime-type", description = "Declared type (default: from the bytes).")
    String mimeType;

    @Option(names = "--no-ocr", description = "Do not run OCR.")
    boolean noOcr;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        JsonMapper json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
        ExtractorSpec extractor = readExtractor(json, extractorFile);
        byte[] bytes = Files.readAllBytes(file);
        String type = mimeType != null
                ? mimeType
                : DocumentFormat.sniff(bytes).map(DocumentFormat::mimeType).orElse("application/octet-stream");
        DefaultExtractionEngine engine =
                DefaultExtractionEngine.create(EngineOptions.defaults().withOcrEnabled(!noOcr));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mime_type", type);
        out.put("filename", file.getFileName().toString());
        long start = System.nanoTime();
        int exit;
        try {
            ExtractionResult result = engine.extract(
                    new DocumentInput(bytes, type, file.getFileName().toString()), extractor);
            out.put("status", "completed");
            out.put("page_count", result.pageCount());
            out.put("extracted_data", result.data());
            out.put("confidence", result.confidence());
            out.put(
                    "confidence_score",
                    result.confidence().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .min()
                            .orElse(0));
            out.put("field_locations", locations(result.locations()));
            out.put("warnings", result.warnings());
            out.put("error_details", null);
            exit = 0;
        } catch (ExtractionException e) {
            out.put("status", "failed");
            out.put(
                    "error_details",
                    Map.of(
                            "code",
                            e.code().code(),
                            "message",
                            e.getMessage(),
                            "suggestion",
                            e.code().suggestion()));
            exit = 1;
        }
        out.put("processing_time_ms", (System.nanoTime() - start) / 1_000_000);
        PrintWriter printed = spec.commandLine().getOut();
        printed.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        printed.flush();
        return exit;
    }

    /** The extractor checked as POST /v1/extractors checks it; an invalid one is the user's error. */
    private static ExtractorSpec readExtractor(JsonMapper json, Path file) throws IOException {
        JsonNode node;
        try {
            node = json.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        ExtractorInput extractor = ExtractorInput.forCreate(node);
        return new ExtractorSpec(
                extractor.documentType(),
                extractor.description() == null ? "" : extractor.description(),
                extractor.fieldDefinitions().stream()
                        .map(FieldDefinition::toSpec)
                        .toList());
    }

    private static Map<String, Object> locations(Map<String, FieldLocation> locations) {
        Map<String, Object> out = new LinkedHashMap<>();
        locations.forEach((path, location) -> out.put(
                path,
                Map.of(
                        "page", location.page(),
                        "bbox",
                                List.of(
                                        round(location.box().x0()),
                                        round(location.box().y0()),
                                        round(location.box().x1()),
                                        round(location.box().y1())),
                        "text", location.text())));
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
