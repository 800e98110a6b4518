package io.docextract.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.docextract.engine.FieldSpec;
import io.docextract.engine.FieldType;
import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Layout;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Page;
import io.docextract.engine.layout.Word;
import io.docextract.engine.values.DocumentContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JointPickerTest {

    private static final Box BOX = new Box(0.1, 0.1, 0.3, 0.12);

    private final TextLine line = new DocumentIndex(
                    new Layout(List.of(new Page(
                            1,
                            595,
                            842,
                            List.of(new Line(List.of(
                                    new Word("bis", BOX, 1.0, 10, false),
                                    new Word("09.06.2014", BOX, 1.0, 10, false),
                                    new Word("05.06.2014", BOX, 1.0, 10, false)))),
                            false))),
                    DocumentContext.unknown(),
                    Lexicon.builtIn(),
                    null)
            .lines()
            .getFirst();

    private Scored scored(Object value, int word, double score) {
        return new Scored(
                new Candidate(value, value.toString(), line, word, word + 1, BOX, 1.0, Candidate.Source.SCANNED, 1),
                score,
                new double[0]);
    }

    private static FieldQuery query(String name, FieldType type) {
        return FieldQuery.of(FieldSpec.of(name, type, ""), Lexicon.builtIn(), null);
    }

    @Test
    void aFieldOfTheSameKindTakesTheNextSpan() {
        Map<String, Scored> picked = JointPicker.pick(
                Map.of(
                        "due_date",
                        query("due_date", FieldType.DATE),
                        "invoice_date",
                        query("invoice_date", FieldType.DATE)),
                Map.of(
                        "due_date", List.of(scored("2014-06-09", 1, 0.9)),
                        "invoice_date", List.of(scored("2014-06-09", 1, 0.6), scored("2014-06-05", 2, 0.3))));
        assertThat(picked.get("invoice_date").candidate().value()).isEqualTo("2014-06-05");
    }

    @Test
    void aFieldOfAnotherKindDoesNotTakeTheSpanAway() {
        Map<String, Scored> picked = JointPicker.pick(
                Map.of(
                        "vendor_phone",
                        query("vendor_phone", FieldType.PHONE),
                        "due_date",
                        query("due_date", FieldType.DATE)),
                Map.of(
                        "vendor_phone", List.of(scored("09.06.2014", 1, 0.99)),
                        "due_date", List.of(scored("2014-06-09", 1, 0.5), scored("2014-06-05", 2, 0.3))));
        assertThat(picked.get("due_date").candidate().value()).isEqualTo("2014-06-09");
    }
}
