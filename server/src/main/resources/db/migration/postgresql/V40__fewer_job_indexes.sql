-- Every submit writes each index of the jobs table. These two are prefixes of wider indexes that
-- serve the same queries in the same order (jobs_org_stats starts with org_id, test_mode,
-- created_at; jobs_org_status_timing with org_id, test_mode, status, created_at), so they only
-- cost writes. Metadata filters read job_metadata (kept by a trigger) on both databases, so the
-- GIN index of the metadata column is never used either.
DROP INDEX IF EXISTS jobs_org_created;
DROP INDEX IF EXISTS jobs_org_status_created;
DROP INDEX IF EXISTS jobs_metadata;
