package io.docextract.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docextract extract FILE --extractor EXTRACTOR.json} runs the real engine on a file, with
 * no server or database, and prints the job-shaped result; a user's mistakes come back as a
 * message and exit code 1, not as a stack trace.
 */
class ExtractCommandTest {

    private static final String EXTRACTOR = """
            {"name": "Invoices", "document_type": "invoice", "field_definitions": [
              {"name": "invoice_number", "type": "text", "description": "The invoice's number"},
              {"name": "invoice_date", "type": "date"},
              {"name": "total_amount", "type": "currency", "description": "Total amount due"}]}
            """;

    @TempDir
    Path folder;

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    @Test
    void printsTheExtractedFieldsAsAJobResult() throws IOException {
        Path invoice = write("invoice.txt", """
                ACME Tools Ltd
                Invoice number: INV-2024-0042
                Invoice date: 12 March 2024

                Hammer                 2 x 12.50      25.00
                Total amount due:                  EUR 25.00
                """);
        Run run = run(
                "extract",
                invoice.toString(),
                "--extractor",
                write("extractor.json", EXTRACTOR).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JsonMapper.builder().build().readTree(run.out());
        assertThat(result.path("status").asString()).isEqualTo("completed");
        assertThat(result.path("page_count").asInt()).isEqualTo(1);
        JsonNode data = result.path("extracted_data");
        assertThat(data.path("invoice_number").asString()).isEqualTo("INV-2024-0042");
        assertThat(data.path("invoice_date").asString()).isEqualTo("2024-03-12");
        assertThat(data.path("total_amount").asDouble()).isEqualTo(25.0);
        assertThat(result.path("confidence").path("total_amount").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.path("field_locations")
                        .path("invoice_number")
                        .path("text")
                        .asString())
                .contains("INV-2024-0042");
    }

    @Test
    void anInvalidExtractorNamesEachFieldAtFault() throws IOException {
        Path extractor = write("extractor.json", """
                {"name": "Leases", "field_definitions": [
                  {"name": "property_address", "type": "address"},
                  {"name": "Monthly Rent", "type": "currency"}]}
                """);
        Run run = run(
                "extract",
                write("lease.txt", "Monthly rent: $1,850.00").toString(),
                "--extractor",
                extractor.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("extract: 2 fields are invalid.")
                .contains("field_definitions[0].type")
                .contains("field_definitions[1].name")
                .doesNotContain("Exception");
    }

    @Test
    void anExtractorThatIsNotJsonSaysSo() throws IOException {
        Path extractor = write("extractor.json", "{\"name\": \"Leases\", ");
        Run run = run("extract", write("lease.txt", "Rent").toString(), "--extractor", extractor.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("extract: " + extractor + " is not valid JSON")
                .doesNotContain("\tat ");
    }

    @Test
    void aMissingDocumentIsNamed() throws IOException {
        Path missing = folder.resolve("nowhere.pdf");
        Run run = run(
                "extract",
                missing.toString(),
                "--extractor",
                write("extractor.json", EXTRACTOR).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("extract: no such file: " + missing + System.lineSeparator());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DocExtractCommand.commandLine(CommandLine.defaultFactory())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
