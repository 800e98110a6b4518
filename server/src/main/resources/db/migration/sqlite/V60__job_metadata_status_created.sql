-- A filtered list (metadata[<key>]=<value>, usually with a status) must count and sort every
-- match to answer its exact total and its page. With only the job id in job_metadata, each match
-- cost a lookup of its (wide) jobs row for its status and creation time: at 100,000 jobs and 438
-- matches that lookup was most of the query (docs/operations.md, "Filtered lists"). The index now
-- carries both, so counting and sorting read job_metadata alone and only the page's rows are read
-- from jobs. Triggers keep both in step with the jobs row, whoever writes it.

-- The insert trigger names the table, so it goes first (a rename checks every trigger's schema).
DROP TRIGGER jobs_metadata_index;

CREATE TABLE job_metadata_v60 (
    org_id     TEXT NOT NULL,
    test_mode  INTEGER NOT NULL,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    job_id     TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (org_id, test_mode, key, value, job_id)
) WITHOUT ROWID;

INSERT INTO job_metadata_v60 (org_id, test_mode, key, value, job_id, status, created_at)
SELECT m.org_id, m.test_mode, m.key, m.value, m.job_id, j.status, j.created_at
FROM job_metadata AS m JOIN jobs AS j ON j.id = m.job_id;

DROP TABLE job_metadata;
ALTER TABLE job_metadata_v60 RENAME TO job_metadata;
CREATE INDEX job_metadata_job ON job_metadata (job_id);

CREATE TRIGGER jobs_metadata_index AFTER INSERT ON jobs
BEGIN
    INSERT OR IGNORE INTO job_metadata (org_id, test_mode, key, value, job_id, status, created_at)
    SELECT NEW.org_id, NEW.test_mode, m.key,
           CASE m.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(m.value AS TEXT) END,
           NEW.id, NEW.status, NEW.created_at
    FROM json_each(NEW.metadata) AS m
    WHERE m.type NOT IN ('object', 'array', 'null');
END;

-- Claims, completions, retries and the reaper change a job's status; nothing changes its
-- creation time today, but the index follows it too rather than rely on that.
CREATE TRIGGER jobs_metadata_follow AFTER UPDATE OF status, created_at ON jobs
WHEN NEW.status IS NOT OLD.status OR NEW.created_at IS NOT OLD.created_at
BEGIN
    UPDATE job_metadata SET status = NEW.status, created_at = NEW.created_at WHERE job_id = NEW.id;
END;
