package io.docextract.server.jobs;

/** The extractor version a job was made with, as stored ({@code field_definitions} is JSON text). */
public record ExtractorDefinition(String documentType, String description, String fieldDefinitionsJson) {}
