package io.docextract.engine.document;

import io.docextract.engine.layout.Box;
import io.docextract.engine.layout.Line;
import io.docextract.engine.layout.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tesseract's TSV output ({@code level page block par line word left top width height conf
 * text}) turned into lines of words with boxes normalized to the image.
 */
final class TesseractTsv {

    private static final int WORD_LEVEL = 5;

    /** Symbols-only words below this confidence are specks, borders and shadows, not text. */
    private static final double NOISE_CONFIDENCE = 0.5;

    /** Tesseract lines on one baseline (overlap relative to the smaller height) become one line. */
    private static final double SAME_BASELINE_OVERLAP = 0.6;

    private TesseractTsv() {}

    static List<Line> parse(String tsv, int imageWidth, int imageHeight) {
        Map<String, List<Word>> lines = new LinkedHashMap<>();
        for (String row : tsv.split("\r?\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !cells[0].equals(Integer.toString(WORD_LEVEL))) {
                continue;
            }
            String text = cells[11].strip();
            double confidence;
            int left;
            int top;
            int width;
            int height;
            try {
                left = Integer.parseInt(cells[6]);
                top = Integer.parseInt(cells[7]);
                width = Integer.parseInt(cells[8]);
                height = Integer.parseInt(cells[9]);
                confidence = Double.parseDouble(cells[10]) / 100.0;
            } catch (NumberFormatException e) {
                continue;
            }
            if (text.isEmpty() || confidence < 0 || isNoise(text, confidence)) {
                continue;
            }
            Box box = new Box(
                    clamp((double) left / imageWidth),
                    clamp((double) top / imageHeight),
                    clamp((double) (left + width) / imageWidth),
                    clamp((double) (top + height) / imageHeight));
            String key = cells[1] + "/" + cells[2] + "/" + cells[3] + "/" + cells[4];
            lines.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Word(text, box, Math.min(1.0, confidence), 0, false));
        }
        return mergeSameBaseline(lines.values());
    }

    /**
     * Tesseract often splits one printed row into blocks (a label on the left, its amount on the
     * right); they become one line, as the PDF reader does, so a label and its value share a line.
     */
    private static List<Line> mergeSameBaseline(Iterable<List<Word>> tesseractLines) {
        List<Line> units = new ArrayList<>();
        for (List<Word> words : tesseractLines) {
            units.add(new Line(words));
        }
        units.sort(Comparator.comparingDouble(line -> line.box().centerY()));
        List<List<Word>> merged = new ArrayList<>();
        List<Box> mergedBoxes = new ArrayList<>();
        for (Line unit : units) {
            Box box = unit.box();
            int target = -1;
            for (int i = merged.size() - 1; i >= 0 && i >= merged.size() - 6; i--) {
                Box other = mergedBoxes.get(i);
                if (other.verticalOverlap(box) >= SAME_BASELINE_OVERLAP && !overlapsHorizontally(merged.get(i), box)) {
                    target = i;
                    break;
                }
            }
            if (target < 0) {
                merged.add(new ArrayList<>(unit.words()));
                mergedBoxes.add(box);
            } else {
                merged.get(target).addAll(unit.words());
                mergedBoxes.set(target, Box.union(mergedBoxes.get(target), box));
            }
        }
        return merged.stream()
                .map(words -> {
                    words.sort(Comparator.comparingDouble(w -> w.box().x0()));
                    return new Line(words);
                })
                .sorted(Comparator.comparingDouble(line -> line.box().y0()))
                .toList();
    }

    private static boolean overlapsHorizontally(List<Word> words, Box box) {
        for (Word word : words) {
            if (word.box().horizontalOverlap(box) > 0.3 || box.horizontalOverlap(word.box()) > 0.3) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNoise(String text, double confidence) {
        return confidence < NOISE_CONFIDENCE && text.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
