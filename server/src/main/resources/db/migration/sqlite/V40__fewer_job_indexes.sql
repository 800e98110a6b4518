-- Every submit writes each index of the jobs table. These two are prefixes of wider indexes that
-- serve the same queries in the same order (jobs_org_stats starts with org_id, test_mode,
-- created_at; jobs_org_status_timing with org_id, test_mode, status, created_at), so they only
-- cost writes: about a fifth of a job insert (docs/operations.md, "Load test").
DROP INDEX IF EXISTS jobs_org_created;
DROP INDEX IF EXISTS jobs_org_status_created;
