package io.docextract.server.extractors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Extractors and their version history. Every read is scoped to an organization. */
@Repository
public class ExtractorRepository {

    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ExtractorRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Extractor extractor) {
        jdbc.sql("""
                INSERT INTO extractors (id, org_id, name, document_type, description, field_definitions,
                    is_active, version, usage_count, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        extractor.id(),
                        extractor.orgId(),
                        extractor.name(),
                        extractor.documentType(),
                        extractor.description(),
                        json.writeValueAsString(extractor.fieldDefinitions()),
                        extractor.isActive() ? 1 : 0,
                        extractor.version(),
                        extractor.usageCount(),
                        extractor.createdBy(),
                        extractor.createdAt().toEpochMilli(),
                        extractor.updatedAt().toEpochMilli())
                .update();
    }

    /** Writes the editable columns; {@code version} is the one the row must have now (lost update guard). */
    public boolean update(Extractor extractor, int expectedVersion) {
        return jdbc.sql("""
                        UPDATE extractors SET name = ?, document_type = ?, description = ?, field_definitions = ?,
                            is_active = ?, version = ?, updated_at = ?
                        WHERE id = ? AND org_id = ? AND version = ?""")
                        .params(
                                extractor.name(),
                                extractor.documentType(),
                                extractor.description(),
                                json.writeValueAsString(extractor.fieldDefinitions()),
                                extractor.isActive() ? 1 : 0,
                                extractor.version(),
                                extractor.updatedAt().toEpochMilli(),
                                extractor.id(),
                                extractor.orgId(),
                                expectedVersion)
                        .update()
                == 1;
    }

    public void insertVersion(ExtractorVersion version) {
        jdbc.sql("""
                INSERT INTO extractor_versions (extractor_id, version, document_type, description,
                    field_definitions, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        version.extractorId(),
                        version.version(),
                        version.documentType(),
                        version.description(),
                        json.writeValueAsString(version.fieldDefinitions()),
                        version.createdAt().toEpochMilli())
                .update();
    }

    public Optional<Extractor> find(String orgId, String id) {
        return jdbc.sql("SELECT * FROM extractors WHERE id = ? AND org_id = ?")
                .params(id, orgId)
                .query(this::map)
                .optional();
    }

    public Optional<ExtractorSummary> findSummary(String orgId, String id) {
        return jdbc.sql("""
                        SELECT id, org_id, name, document_type, version, is_active
                        FROM extractors WHERE id = ? AND org_id = ?""")
                .params(id, orgId)
                .query((rs, row) -> new ExtractorSummary(
                        rs.getString("id"),
                        rs.getString("org_id"),
                        rs.getString("name"),
                        rs.getString("document_type"),
                        rs.getInt("version"),
                        rs.getInt("is_active") != 0))
                .optional();
    }

    public Optional<ExtractorVersion> findVersion(String extractorId, int version) {
        return jdbc.sql("SELECT * FROM extractor_versions WHERE extractor_id = ? AND version = ?")
                .params(extractorId, version)
                .query((rs, row) -> new ExtractorVersion(
                        rs.getString("extractor_id"),
                        rs.getInt("version"),
                        rs.getString("document_type"),
                        rs.getString("description"),
                        fields(rs.getString("field_definitions")),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .optional();
    }

    /** Newest first; {@code active} null lists both. */
    public List<Extractor> list(String orgId, Boolean active, int limit, int offset) {
        if (active == null) {
            return jdbc.sql(
                            "SELECT * FROM extractors WHERE org_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                    .params(orgId, limit, offset)
                    .query(this::map)
                    .list();
        }
        return jdbc.sql("SELECT * FROM extractors WHERE org_id = ? AND is_active = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(orgId, active ? 1 : 0, limit, offset)
                .query(this::map)
                .list();
    }

    public long count(String orgId, Boolean active) {
        if (active == null) {
            return jdbc.sql("SELECT COUNT(*) FROM extractors WHERE org_id = ?")
                    .param(orgId)
                    .query(Long.class)
                    .single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM extractors WHERE org_id = ? AND is_active = ?")
                .params(orgId, active ? 1 : 0)
                .query(Long.class)
                .single();
    }

    /** Counts one more submitted job (called in the submitting transaction). */
    public void incrementUsage(String extractorId, int jobs) {
        jdbc.sql("UPDATE extractors SET usage_count = usage_count + ? WHERE id = ?")
                .params(jobs, extractorId)
                .update();
    }

    /** Names of the organization's extractors by id, for statistics. */
    public Map<String, String> names(String orgId) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM extractors WHERE org_id = ?")
                .param(orgId)
                .query(rs -> {
                    names.put(rs.getString("id"), rs.getString("name"));
                });
        return names;
    }

    private List<FieldDefinition> fields(String text) {
        return json.readValue(text, FIELDS);
    }

    private Extractor map(ResultSet rs, int row) throws SQLException {
        return new Extractor(
                rs.getString("id"),
                rs.getString("org_id"),
                rs.getString("name"),
                rs.getString("document_type"),
                rs.getString("description"),
                fields(rs.getString("field_definitions")),
                rs.getInt("is_active") != 0,
                rs.getInt("version"),
                rs.getLong("usage_count"),
                rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
