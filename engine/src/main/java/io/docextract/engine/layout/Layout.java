package io.docextract.engine.layout;

import java.util.List;
import java.util.stream.Collectors;

/** A whole document as words with boxes: the one shape every reader produces. */
public record Layout(List<Page> pages) {

    public Layout {
        pages = List.copyOf(pages);
    }

    public int pageCount() {
        return pages.size();
    }

    public boolean hasText() {
        return pages.stream().anyMatch(page -> !page.isEmpty());
    }

    /** All text, a line per line and a blank line between pages; for logs and debugging. */
    public String text() {
        return pages.stream()
                .map(page -> page.lines().stream().map(Line::text).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n\n"));
    }
}
