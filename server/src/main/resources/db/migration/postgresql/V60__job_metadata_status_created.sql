-- A filtered list (metadata[<key>]=<value>, usually with a status) must count and sort every
-- match to answer its exact total and its page. With only the job id in job_metadata, each match
-- cost a lookup of its (wide) jobs row for its status and creation time (docs/operations.md,
-- "Filtered lists"). The index now carries both, so counting and sorting read job_metadata alone
-- and only the page's rows are read from jobs. Triggers keep both in step with the jobs row,
-- whoever writes it.
ALTER TABLE job_metadata ADD COLUMN status TEXT, ADD COLUMN created_at BIGINT;
UPDATE job_metadata AS m SET status = j.status, created_at = j.created_at FROM jobs AS j WHERE j.id = m.job_id;
ALTER TABLE job_metadata ALTER COLUMN status SET NOT NULL, ALTER COLUMN created_at SET NOT NULL;

CREATE OR REPLACE FUNCTION jobs_metadata_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO job_metadata (org_id, test_mode, key, value, job_id, status, created_at)
    SELECT NEW.org_id, NEW.test_mode, m.key, m.value #>> '{}', NEW.id, NEW.status, NEW.created_at
    FROM jsonb_each(NEW.metadata) AS m
    WHERE jsonb_typeof(m.value) IN ('string', 'number', 'boolean')
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- Claims, completions, retries and the reaper change a job's status; nothing changes its
-- creation time today, but the index follows it too rather than rely on that.
CREATE FUNCTION jobs_metadata_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE job_metadata SET status = NEW.status, created_at = NEW.created_at WHERE job_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER jobs_metadata_follow AFTER UPDATE OF status, created_at ON jobs
    FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.created_at IS DISTINCT FROM OLD.created_at)
    EXECUTE FUNCTION jobs_metadata_follow();
