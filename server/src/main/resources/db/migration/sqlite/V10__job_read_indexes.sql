-- Read side of the jobs table: a covering index for statistics, an index of metadata values for
-- metadata[...] filters, and a daily roll-up of field confidences. Triggers keep the last two in
-- step with the jobs table whoever writes it (API, workers, retention, seed scripts).

-- Statistics read only these columns, so they scan the index and never the (wide) rows.
CREATE INDEX jobs_org_stats ON jobs (org_id, test_mode, created_at, status, extractor_id, started_at,
    completed_at, mean_confidence, cost_credits, page_count, error_code);

-- One row per scalar metadata member: the value as text (strings as they are, numbers and
-- booleans as their JSON text), the same text the metadata[<key>]=<value> filter compares.
CREATE TABLE job_metadata (
    org_id     TEXT NOT NULL,
    test_mode  INTEGER NOT NULL,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    job_id     TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, test_mode, key, value, job_id)
) WITHOUT ROWID;
CREATE INDEX job_metadata_job ON job_metadata (job_id);

CREATE TRIGGER jobs_metadata_index AFTER INSERT ON jobs
BEGIN
    INSERT OR IGNORE INTO job_metadata (org_id, test_mode, key, value, job_id)
    SELECT NEW.org_id, NEW.test_mode, m.key,
           CASE m.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(m.value AS TEXT) END,
           NEW.id
    FROM json_each(NEW.metadata) AS m
    WHERE m.type NOT IN ('object', 'array', 'null');
END;

-- Sum and count of each confidence key of completed jobs per UTC day of creation and extractor.
CREATE TABLE job_confidence_daily (
    org_id        TEXT NOT NULL,
    test_mode     INTEGER NOT NULL,
    day           INTEGER NOT NULL,
    extractor_id  TEXT NOT NULL,
    field         TEXT NOT NULL,
    total         REAL NOT NULL,
    count         INTEGER NOT NULL,
    PRIMARY KEY (org_id, test_mode, day, extractor_id, field)
) WITHOUT ROWID;

CREATE TRIGGER jobs_confidence_on_insert AFTER INSERT ON jobs
WHEN NEW.status = 'completed' AND NEW.confidence IS NOT NULL
BEGIN
    INSERT INTO job_confidence_daily (org_id, test_mode, day, extractor_id, field, total, count)
    SELECT NEW.org_id, NEW.test_mode, NEW.created_at / 86400000, NEW.extractor_id, c.key, c.value, 1
    FROM json_each(NEW.confidence) AS c WHERE c.type IN ('integer', 'real')
    ON CONFLICT (org_id, test_mode, day, extractor_id, field)
    DO UPDATE SET total = total + excluded.total, count = count + 1;
END;

CREATE TRIGGER jobs_confidence_on_complete AFTER UPDATE OF status ON jobs
WHEN NEW.status = 'completed' AND OLD.status <> 'completed' AND NEW.confidence IS NOT NULL
BEGIN
    INSERT INTO job_confidence_daily (org_id, test_mode, day, extractor_id, field, total, count)
    SELECT NEW.org_id, NEW.test_mode, NEW.created_at / 86400000, NEW.extractor_id, c.key, c.value, 1
    FROM json_each(NEW.confidence) AS c WHERE c.type IN ('integer', 'real')
    ON CONFLICT (org_id, test_mode, day, extractor_id, field)
    DO UPDATE SET total = total + excluded.total, count = count + 1;
END;

CREATE TRIGGER jobs_confidence_on_delete AFTER DELETE ON jobs
WHEN OLD.status = 'completed' AND OLD.confidence IS NOT NULL
BEGIN
    UPDATE job_confidence_daily
    SET total = total - (SELECT c.value FROM json_each(OLD.confidence) AS c WHERE c.key = job_confidence_daily.field),
        count = count - 1
    WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND day = OLD.created_at / 86400000
      AND extractor_id = OLD.extractor_id
      AND field IN (SELECT c.key FROM json_each(OLD.confidence) AS c WHERE c.type IN ('integer', 'real'));
    DELETE FROM job_confidence_daily
    WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND day = OLD.created_at / 86400000
      AND extractor_id = OLD.extractor_id AND count <= 0;
END;

-- Percentiles of processing time sort these columns only.
CREATE INDEX jobs_org_status_timing ON jobs (org_id, test_mode, status, created_at, started_at, completed_at);

-- Existing jobs (the triggers only see new writes).
INSERT OR IGNORE INTO job_metadata (org_id, test_mode, key, value, job_id)
SELECT j.org_id, j.test_mode, m.key,
       CASE m.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(m.value AS TEXT) END, j.id
FROM jobs AS j, json_each(j.metadata) AS m
WHERE m.type NOT IN ('object', 'array', 'null');

INSERT INTO job_confidence_daily (org_id, test_mode, day, extractor_id, field, total, count)
SELECT j.org_id, j.test_mode, j.created_at / 86400000, j.extractor_id, c.key, SUM(c.value), COUNT(*)
FROM jobs AS j, json_each(j.confidence) AS c
WHERE j.status = 'completed' AND c.type IN ('integer', 'real')
GROUP BY j.org_id, j.test_mode, j.created_at / 86400000, j.extractor_id, c.key;
