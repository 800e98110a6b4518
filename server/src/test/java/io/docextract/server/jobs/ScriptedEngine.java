package io.docextract.server.jobs;

import io.docextract.engine.DocumentInput;
import io.docextract.engine.ExtractionEngine;
import io.docextract.engine.ExtractionErrorCode;
import io.docextract.engine.ExtractionException;
import io.docextract.engine.ExtractionResult;
import io.docextract.engine.ExtractorSpec;
import io.docextract.engine.FieldSpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulates what the worker machinery must survive — slowness, hangs, crashes, transient and
 * permanent failures — as scripted by the document's text, one directive per line:
 * {@code sleep 200}, {@code fail ocr_unavailable}, {@code fail-once internal_error},
 * {@code throw}, {@code group org-a} (tracks how many documents of a group run at once).
 * It does not extract: it answers every field "not found", as the engine does for a readable
 * document without the fields. End-to-end tests use the real engine.
 */
final class ScriptedEngine implements ExtractionEngine {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxRunning = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();

    @Override
    public ExtractionResult extract(DocumentInput document, ExtractorSpec extractor) {
        String script = new String(document.bytes(), StandardCharsets.UTF_8);
        int call = calls.computeIfAbsent(script, s -> new AtomicInteger()).incrementAndGet();
        started.incrementAndGet();
        String group = null;
        try {
            for (String line : script.lines().toList()) {
                String[] parts = line.trim().split("\\s+", 2);
                switch (parts[0]) {
                    case "group" -> {
                        group = parts[1];
                        int now = running.computeIfAbsent(group, g -> new AtomicInteger())
                                .incrementAndGet();
                        maxRunning
                                .computeIfAbsent(group, g -> new AtomicInteger())
                                .accumulateAndGet(now, Math::max);
                    }
                    case "sleep" -> sleep(Long.parseLong(parts[1]));
                    case "fail" -> throw new ExtractionException(code(parts[1]));
                    case "fail-once" -> {
                        if (call == 1) {
                            throw new ExtractionException(code(parts[1]));
                        }
                    }
                    case "throw" -> throw new IllegalStateException("simulated bug");
                    default -> {}
                }
            }
            return nothingFound(extractor);
        } finally {
            if (group != null) {
                running.get(group).decrementAndGet();
            }
        }
    }

    int maxConcurrent(String group) {
        AtomicInteger max = maxRunning.get(group);
        return max == null ? 0 : max.get();
    }

    int started() {
        return started.get();
    }

    static ExtractionResult nothingFound(ExtractorSpec extractor) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Double> confidence = new LinkedHashMap<>();
        for (FieldSpec field : extractor.fields()) {
            data.put(field.name(), null);
            confidence.put(field.name(), 0.0);
        }
        return new ExtractionResult(data, confidence, Map.of(), List.of(), 1);
    }

    private static ExtractionErrorCode code(String apiCode) {
        return ExtractionErrorCode.valueOf(apiCode.toUpperCase(Locale.ROOT));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
