package io.docextract.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void labelsHaveTheShapeOfIdsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String label = Ids.newLabel("req");
            assertThat(label).matches("req_[0-9a-hjkmnp-tv-z]{26}");
            assertThat(seen.add(label)).as(label).isTrue();
        }
        assertThat(Ids.newId("job")).matches("job_[0-9a-hjkmnp-tv-z]{26}");
    }
}
