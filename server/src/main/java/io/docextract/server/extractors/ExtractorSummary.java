package io.docextract.server.extractors;

/**
 * The few extractor columns a submission needs, read without parsing the field definitions
 * (submits are the hot path).
 */
public record ExtractorSummary(
        String id, String orgId, String name, String documentType, int version, boolean isActive) {}
