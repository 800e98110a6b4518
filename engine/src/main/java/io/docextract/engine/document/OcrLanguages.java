package io.docextract.engine.document;

import io.docextract.engine.layout.Line;
import io.docextract.engine.values.DocumentContextDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Tesseract languages read a page. Every extra language in one {@code -l} argument costs
 * about as much as a pass of its own (six languages: 4.4 s per page against 1.9 s for English
 * alone), so a page is read first with the first configured language plus those the document
 * language detector cannot name, and read again only when that first reading's words are in
 * another configured language: then with that language first, so its letters (ä, é, ß) come
 * back, and the first language after it for the rest. A document's first long page is read top
 * band first ({@link LanguageProbe}), so that a page whose band shows another language is read
 * once, in it. An English page from a company in another country is not read again for its names
 * and address: on the corpus scans that gained as many fields as it lost and cost a second
 * reading of every such page (docs/extraction.md, "OCR").
 *
 * <p>A noisy page in the first language (mean word confidence below {@link #NOISY}, as most
 * photographed till receipts) is read again with every configured language instead: with several
 * languages Tesseract retries each doubtful word with the other models and keeps the best
 * reading; English alone lost 0.06 of field accuracy on the sroie receipts (0.531 → 0.469, see
 * docs/extraction.md). Where the PP-OCR models are installed, {@link PageOcr} offers such a page
 * to PP-OCR first, and this second reading follows only when PP-OCR's reading is not kept.
 *
 * <p>Later pages of a document start with the language its earlier pages showed
 * ({@link DocumentLanguage}): they are read once, in that language, and again only when they show
 * yet another one or are noisy.
 *
 * @param first the {@code -l} argument of the first reading
 * @param all every configured language, the {@code -l} argument for noisy pages
 * @param detectable configured languages the detector can name, other than the first one,
 *     by ISO 639-1 code → Tesseract code
 */
record OcrLanguages(String first, String all, Map<String, String> detectable) {

    /** Below this mean word confidence a first reading is noisy (clean scans read at 0.9–0.95). */
    static final double NOISY = 0.9;

    /** The six languages {@link DocumentContextDetector} knows, ISO 639-1 → Tesseract. */
    private static final Map<String, String> TESSERACT_CODES =
            Map.of("en", "eng", "de", "deu", "fr", "fra", "es", "spa", "nl", "nld", "it", "ita");

    private static final DocumentContextDetector DETECTOR = new DocumentContextDetector();

    OcrLanguages {
        detectable = Map.copyOf(detectable);
    }

    /** The plan for Tesseract codes in order of preference (at least one). */
    static OcrLanguages of(List<String> languages) {
        String primary = languages.getFirst();
        List<String> firstPass = new ArrayList<>(List.of(primary));
        Map<String, String> detectable = new HashMap<>();
        for (String lang : languages.subList(1, languages.size())) {
            Optional<String> iso = TESSERACT_CODES.entrySet().stream()
                    .filter(e -> e.getValue().equals(lang))
                    .map(Map.Entry::getKey)
                    .findFirst();
            if (iso.isPresent()) {
                detectable.put(iso.get(), lang);
            } else {
                firstPass.add(lang);
            }
        }
        return new OcrLanguages(String.join("+", firstPass), String.join("+", languages), detectable);
    }

    /** Whether a reading can show another configured language ({@link #shown}). */
    boolean detects() {
        return !detectable.isEmpty();
    }

    /**
     * The {@code -l} argument of a page's first reading: the first languages, after the language
     * earlier pages of the same document showed, so a German document is read once per page
     * rather than in English and then again in German.
     */
    String first(Optional<String> documentLanguage) {
        return documentLanguage.map(lang -> lang + "+" + first).orElse(first);
    }

    /**
     * The {@code -l} argument of a second reading: another configured language that the first
     * reading shows, else every language for a noisy first reading, else none; never the
     * languages the first reading already used.
     *
     * @param firstLanguages the {@code -l} argument of the first reading
     * @param shown the configured language the first reading's words are in ({@link #shown})
     */
    Optional<String> second(String firstLanguages, Optional<String> shown, double meanConfidence) {
        Optional<String> wanted = shown.isPresent()
                ? shown.map(lang -> lang + "+" + first)
                : Optional.of(all).filter(languages -> meanConfidence < NOISY);
        return wanted.filter(languages -> !languages.equals(firstLanguages));
    }

    /** The configured language other than the first that a reading's words are in, if any. */
    Optional<String> shown(List<Line> reading) {
        if (detectable.isEmpty()) {
            return Optional.empty();
        }
        String language =
                DETECTOR.detect(reading.stream().map(Line::text).toList()).language();
        return Optional.ofNullable(language == null ? null : detectable.get(language));
    }
}
