-- Read side of the jobs table: a covering index for statistics, an index of metadata values for
-- metadata[...] filters, and a daily roll-up of field confidences. Triggers keep the last two in
-- step with the jobs table whoever writes it (API, workers, retention, seed scripts).

CREATE INDEX jobs_org_stats ON jobs (org_id, test_mode, created_at, status, extractor_id, started_at,
    completed_at, mean_confidence, cost_credits, page_count, error_code);

CREATE TABLE job_metadata (
    org_id     TEXT NOT NULL,
    test_mode  BIGINT NOT NULL,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    job_id     TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, test_mode, key, value, job_id)
);
CREATE INDEX job_metadata_job ON job_metadata (job_id);

CREATE FUNCTION jobs_metadata_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO job_metadata (org_id, test_mode, key, value, job_id)
    SELECT NEW.org_id, NEW.test_mode, m.key, m.value #>> '{}', NEW.id
    FROM jsonb_each(NEW.metadata) AS m
    WHERE jsonb_typeof(m.value) IN ('string', 'number', 'boolean')
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER jobs_metadata_index AFTER INSERT ON jobs
    FOR EACH ROW EXECUTE FUNCTION jobs_metadata_index();

CREATE TABLE job_confidence_daily (
    org_id        TEXT NOT NULL,
    test_mode     BIGINT NOT NULL,
    day           BIGINT NOT NULL,
    extractor_id  TEXT NOT NULL,
    field         TEXT NOT NULL,
    total         DOUBLE PRECISION NOT NULL,
    count         BIGINT NOT NULL,
    PRIMARY KEY (org_id, test_mode, day, extractor_id, field)
);

CREATE FUNCTION jobs_confidence_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'completed' AND NEW.confidence IS NOT NULL
            AND (TG_OP = 'INSERT' OR OLD.status <> 'completed') THEN
        INSERT INTO job_confidence_daily (org_id, test_mode, day, extractor_id, field, total, count)
        SELECT NEW.org_id, NEW.test_mode, NEW.created_at / 86400000, NEW.extractor_id, c.key,
               (c.value #>> '{}')::double precision, 1
        FROM jsonb_each(NEW.confidence) AS c WHERE jsonb_typeof(c.value) = 'number'
        ON CONFLICT (org_id, test_mode, day, extractor_id, field)
        DO UPDATE SET total = job_confidence_daily.total + excluded.total,
                      count = job_confidence_daily.count + 1;
    ELSIF TG_OP = 'DELETE' AND OLD.status = 'completed' AND OLD.confidence IS NOT NULL THEN
        UPDATE job_confidence_daily d
        SET total = d.total - (c.value #>> '{}')::double precision, count = d.count - 1
        FROM jsonb_each(OLD.confidence) AS c
        WHERE jsonb_typeof(c.value) = 'number' AND d.field = c.key AND d.org_id = OLD.org_id
          AND d.test_mode = OLD.test_mode AND d.day = OLD.created_at / 86400000
          AND d.extractor_id = OLD.extractor_id;
        DELETE FROM job_confidence_daily
        WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND day = OLD.created_at / 86400000
          AND extractor_id = OLD.extractor_id AND count <= 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER jobs_confidence_rollup AFTER INSERT OR UPDATE OF status OR DELETE ON jobs
    FOR EACH ROW EXECUTE FUNCTION jobs_confidence_rollup();

-- Percentiles of processing time sort these columns only.
CREATE INDEX jobs_org_status_timing ON jobs (org_id, test_mode, status, created_at, started_at, completed_at);

-- Existing jobs (the triggers only see new writes).
INSERT INTO job_metadata (org_id, test_mode, key, value, job_id)
SELECT j.org_id, j.test_mode, m.key, m.value #>> '{}', j.id
FROM jobs AS j, jsonb_each(j.metadata) AS m
WHERE jsonb_typeof(m.value) IN ('string', 'number', 'boolean')
ON CONFLICT DO NOTHING;

INSERT INTO job_confidence_daily (org_id, test_mode, day, extractor_id, field, total, count)
SELECT j.org_id, j.test_mode, j.created_at / 86400000, j.extractor_id, c.key,
       SUM((c.value #>> '{}')::double precision), COUNT(*)
FROM jobs AS j, jsonb_each(j.confidence) AS c
WHERE j.status = 'completed' AND jsonb_typeof(c.value) = 'number'
GROUP BY j.org_id, j.test_mode, j.created_at / 86400000, j.extractor_id, c.key;
