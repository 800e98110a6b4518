package io.docextract.server.jobs;

import io.docextract.server.extractors.ExtractorService;
import io.docextract.server.extractors.FieldDefinition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams matching jobs as CSV, a JSON array or NDJSON: fixed columns, then one column per
 * top-level extracted field. Rows are read in keyset-paginated pages, so memory stays constant
 * however many jobs match.
 */
@Service
public class JobExportService {

    public static final List<String> FIXED_COLUMNS =
            List.of("job_id", "status", "created_at", "completed_at", "processing_time_ms", "cost_credits");
    static final int PAGE_SIZE = 500;

    private final JobRepository jobs;
    private final ExtractorService extractors;
    private final JsonMapper json;

    public JobExportService(JobRepository jobs, ExtractorService extractors, JsonMapper json) {
        this.jobs = jobs;
        this.extractors = extractors;
        this.json = json;
    }

    /** A field column: its header and the extracted field it shows. */
    private record FieldColumn(String header, String field) {}

    public void export(JobFilter filter, JobOrder order, ExportFormat format, OutputStream out) throws IOException {
        List<FieldColumn> fields = fieldColumns(filter);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        if (format == ExportFormat.CSV) {
            List<String> header = new ArrayList<>(FIXED_COLUMNS);
            fields.forEach(f -> header.add(f.header()));
            writeCsvRow(writer, header);
        } else if (format == ExportFormat.JSON) {
            writer.write('[');
        }
        boolean first = true;
        Job last = null;
        while (true) {
            List<Job> page = jobs.page(
                    filter, order, last == null ? null : last.createdAt(), last == null ? null : last.id(), PAGE_SIZE);
            for (Job job : page) {
                write(writer, format, job, fields, first);
                first = false;
            }
            writer.flush();
            if (page.size() < PAGE_SIZE) {
                break;
            }
            last = page.getLast();
        }
        if (format == ExportFormat.JSON) {
            writer.write(first ? "]\n" : "\n]\n");
        }
        writer.flush();
    }

    private void write(Writer writer, ExportFormat format, Job job, List<FieldColumn> fields, boolean first)
            throws IOException {
        JsonNode data = job.extractedData() == null ? null : json.readTree(job.extractedData());
        Long elapsed = job.elapsedMs();
        if (format == ExportFormat.CSV) {
            List<String> row = new ArrayList<>();
            row.add(job.id());
            row.add(job.status().value());
            row.add(job.createdAt().toString());
            row.add(job.completedAt() == null ? "" : job.completedAt().toString());
            row.add(elapsed == null ? "" : elapsed.toString());
            row.add(Integer.toString(job.costCredits()));
            for (FieldColumn column : fields) {
                JsonNode value = data == null ? null : data.get(column.field());
                row.add(csvText(value));
            }
            writeCsvRow(writer, row);
            return;
        }
        ObjectNode object = json.createObjectNode();
        object.put("job_id", job.id());
        object.put("status", job.status().value());
        object.put("created_at", job.createdAt().toString());
        object.put(
                "completed_at",
                job.completedAt() == null ? null : job.completedAt().toString());
        object.put("processing_time_ms", elapsed);
        object.put("cost_credits", job.costCredits());
        for (FieldColumn column : fields) {
            JsonNode value = data == null ? null : data.get(column.field());
            object.set(column.header(), value == null ? json.getNodeFactory().nullNode() : value);
        }
        if (format == ExportFormat.JSON) {
            writer.write(first ? "\n" : ",\n");
            writer.write(json.writeValueAsString(object));
        } else {
            writer.write(json.writeValueAsString(object));
            writer.write('\n');
        }
    }

    /**
     * The union of the top-level field names of every extractor version among the matching jobs,
     * in definition order. A field named like a fixed column is headed {@code extracted_data.<name>}.
     */
    private List<FieldColumn> fieldColumns(JobFilter filter) {
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, Integer> version : jobs.extractorVersions(filter)) {
            extractors.version(version.getKey(), version.getValue()).fieldDefinitions().stream()
                    .map(FieldDefinition::name)
                    .forEach(names::add);
        }
        List<FieldColumn> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(new FieldColumn(FIXED_COLUMNS.contains(name) ? "extracted_data." + name : name, name));
        }
        return columns;
    }

    private String csvText(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isContainer()) {
            return json.writeValueAsString(value);
        }
        return value.asString();
    }

    /** RFC 4180: a value with a comma, quote or line break is quoted, quotes doubled; CRLF line ends. */
    static void writeCsvRow(Writer writer, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            String value = values.get(i);
            boolean quote = value.indexOf(',') >= 0
                    || value.indexOf('"') >= 0
                    || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0;
            if (quote) {
                writer.write('"');
                writer.write(value.replace("\"", "\"\""));
                writer.write('"');
            } else {
                writer.write(value);
            }
        }
        writer.write("\r\n");
    }
}
