package io.docextract.server.jobs;

import io.docextract.server.Ids;
import io.docextract.server.auth.Plan;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Inserts and reads the rows the job tests need, the way the submit path would write them. */
final class JobRows {

    static final String INVOICE_FIELDS = """
            [{"name": "invoice_number", "type": "text", "required": true, "description": "The invoice identifier"},
             {"name": "total_amount", "type": "currency", "description": "Total amount due"}]""";

    private final JdbcClient jdbc;

    JobRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String organization(Plan plan, Integer maxConcurrentJobs) {
        String id = Ids.newId("org");
        jdbc.sql("""
                INSERT INTO organizations (id, name, plan, max_concurrent_jobs, created_at)
                VALUES (?, 'jobs test', ?, ?, ?)""").params(id, plan.value(), maxConcurrentJobs, 0L).update();
        return id;
    }

    String extractor(String orgId, String documentType, String fieldsJson) {
        String id = Ids.newId("ext");
        jdbc.sql("""
                INSERT INTO extractors (id, org_id, name, document_type, field_definitions, created_at, updated_at)
                VALUES (?, ?, 'test extractor', ?, ?, 0, 0)""").params(id, orgId, documentType, fieldsJson).update();
        jdbc.sql("""
                INSERT INTO extractor_versions (extractor_id, version, document_type, description, field_definitions, created_at)
                VALUES (?, 1, ?, 'for tests', ?, 0)""").params(id, documentType, fieldsJson).update();
        return id;
    }

    String job(String orgId, String extractorId, Instant createdAt, String blobKey, String mimeType, boolean testMode) {
        String id = Ids.newId("job");
        jdbc.sql("""
                INSERT INTO jobs (id, org_id, extractor_id, extractor_version, status, test_mode, mime_type,
                    file_size_bytes, blob_key, run_after, created_at)
                VALUES (?, ?, ?, 1, 'queued', ?, ?, 10, ?, ?, ?)""")
                .params(
                        id,
                        orgId,
                        extractorId,
                        testMode ? 1 : 0,
                        mimeType,
                        blobKey,
                        createdAt.toEpochMilli(),
                        createdAt.toEpochMilli())
                .update();
        return id;
    }

    String job(String orgId, String extractorId, Instant createdAt) {
        return job(orgId, extractorId, createdAt, "blob-" + createdAt.toEpochMilli(), "text/plain", false);
    }

    Map<String, Object> row(String jobId) {
        return jdbc.sql("SELECT * FROM jobs WHERE id = ?").param(jobId).query().singleRow();
    }

    String status(String jobId) {
        return jdbc.sql("SELECT status FROM jobs WHERE id = ?")
                .param(jobId)
                .query(String.class)
                .single();
    }

    int attempts(String jobId) {
        return jdbc.sql("SELECT attempts FROM jobs WHERE id = ?")
                .param(jobId)
                .query(Integer.class)
                .single();
    }

    void deleteAll() {
        for (String table :
                new String[] {"jobs", "extractor_versions", "extractors", "credit_accounts", "organizations"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    /** Makes every running lease look expired, as if its worker stopped beating long ago. */
    void expireLeases() {
        jdbc.sql("UPDATE jobs SET lease_expires_at = 0 WHERE status = 'processing'")
                .update();
    }
}
