package io.docextract.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docextract.engine.ExtractionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void aPageEndsAtItsTimeoutWhenTheDocumentHasLonger() {
        Deadline document = Deadline.after(Duration.ofMinutes(10));

        Deadline page = document.forPage(Duration.ofMillis(1));

        assertThat(page.remaining()).isLessThanOrEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> {
                    Thread.sleep(5);
                    page.check();
                })
                .isInstanceOf(ExtractionException.class)
                .hasMessage("OCR of a page took longer than 1 ms.");
        document.check();
    }

    @Test
    void aPageEndsWithTheDocumentWhenTheDocumentEndsFirst() {
        Deadline document = Deadline.after(Duration.ofSeconds(2));

        Deadline page = document.forPage(Duration.ofSeconds(60));

        assertThat(page).isEqualTo(document);
        assertThat(page.remaining()).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }
}
