package io.docextract.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.server.ServerTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link JobViewSerializer} writes exactly what the bean serializer of the service's own mapper
 * writes for {@link JobView} (its annotations, the service's naming), byte for byte, for every
 * shape a job takes: finished, failed, queued, without a document, with escapes and characters
 * outside ASCII, with instants the fast formatter declines.
 */
class JobViewSerializerTest extends ServerTestSupport {

    @Autowired
    JsonMapper mapper;

    /** Takes the custom serializer off, leaving the bean serializer and the record's annotations. */
    @JsonSerialize(using = ValueSerializer.None.class)
    private interface BeanSerialized {}

    private static final Instant CREATED = Instant.parse("2026-11-29T06:00:00.120Z");

    @Test
    void everyShapeOfJobIsWrittenAsTheBeanSerializerWritesIt() {
        JsonMapper beans =
                mapper.rebuild().addMixIn(JobView.class, BeanSerialized.class).build();
        List<JobView> views = new ArrayList<>();
        views.add(new JobView(
                "job_01",
                "org_1",
                "ext_1",
                3,
                "completed",
                false,
                "http://localhost:8080/v1/files/job_01?expires=1&signature=ab",
                "application/pdf",
                "invoice.pdf",
                100_000L,
                2,
                "{\"total\":12.5,\"items\":[{\"x\":\"a\"}]}",
                "{\"total\":0.93}",
                0.1 + 0.2,
                "{\"total\":{\"page\":1,\"bbox\":[1,2,3,4]}}",
                "[]",
                1234L,
                2,
                null,
                "{\"customer_id\":\"cust_7\"}",
                CREATED,
                CREATED.plusMillis(880),
                Instant.parse("2026-11-29T06:00:02Z")));
        views.add(new JobView(
                "job_02",
                "org_1",
                "ext_1",
                1,
                "failed",
                true,
                null,
                "image/png",
                "r\u00e9sum\u00e9 \"draft\"\t\u2028.png",
                7L,
                null,
                null,
                null,
                null,
                null,
                "[\"low contrast\"]",
                9L,
                0,
                new JobView.ErrorDetails(
                        "document_unreadable", "Line one\nline \"two\" \\ \u00fc \uD83D\uDE00 \u0001", null),
                "{\"name\":\"Zo\u00eb \\\"q\\\" \\u2028 \uD83D\uDE00\",\"n\":1e3,\"ok\":true,\"none\":null}",
                Instant.EPOCH,
                Instant.ofEpochMilli(-1),
                Instant.parse("9999-12-31T23:59:59.999Z")));
        views.add(new JobView(
                "job_03",
                "org_2",
                "ext_2",
                1,
                "queued",
                false,
                null,
                "text/plain",
                null,
                0L,
                null,
                null,
                null,
                null,
                null,
                "[]",
                null,
                0,
                null,
                "{}",
                Instant.parse("0001-01-01T00:00:00Z"),
                null,
                null));
        views.add(new JobView(
                "job_04",
                "org_2",
                "ext_2",
                2,
                "processing",
                false,
                "https://x/v1/files/job_04",
                "text/html",
                "",
                Long.MAX_VALUE,
                0,
                null,
                null,
                1.0,
                null,
                "[]",
                null,
                Integer.MAX_VALUE,
                new JobView.ErrorDetails("c", null, "Try again."),
                "{}",
                Instant.ofEpochSecond(1_800_000_000L, 123_456_789),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.ofEpochSecond(0, 1_000)));
        for (JobView view : views) {
            assertThat(mapper.writeValueAsString(view)).as(view.id()).isEqualTo(beans.writeValueAsString(view));
        }
        DocumentController.JobList list = new DocumentController.JobList(views, 438, 50, 0, true);
        assertThat(mapper.writeValueAsBytes(list)).isEqualTo(beans.writeValueAsBytes(list));
    }

    @Test
    void theFastInstantFormatIsInstantToStringOrDeclines() {
        Random random = new Random(11);
        char[] text = new char[24];
        for (int i = 0; i < 100_000; i++) {
            // Whole milliseconds from year 0 to 9999, a tenth of them on a whole second.
            long millis = -62_167_219_200_000L + (long) (random.nextDouble() * 315_537_897_600_000L);
            if (i % 10 == 0) {
                millis -= Math.floorMod(millis, 1000L);
            }
            Instant instant = Instant.ofEpochMilli(millis);
            int length = JobViewSerializer.iso(instant, text);
            assertThat(new String(text, 0, length)).isEqualTo(instant.toString());
        }
        assertThat(JobViewSerializer.iso(Instant.ofEpochSecond(0, 1), text)).isEqualTo(-1);
        assertThat(JobViewSerializer.iso(Instant.parse("+10000-01-01T00:00:00Z"), text))
                .isEqualTo(-1);
        assertThat(JobViewSerializer.iso(Instant.parse("-0001-12-31T23:59:59Z"), text))
                .isEqualTo(-1);
    }
}
