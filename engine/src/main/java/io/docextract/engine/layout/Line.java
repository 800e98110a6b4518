package io.docextract.engine.layout;

import java.util.List;
import java.util.stream.Collectors;

/** Words on one baseline, left to right. */
public record Line(List<Word> words) {

    public Line {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a line has at least one word");
        }
        words = List.copyOf(words);
    }

    public String text() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }

    public Box box() {
        Box box = words.getFirst().box();
        for (Word word : words) {
            box = Box.union(box, word.box());
        }
        return box;
    }
}
