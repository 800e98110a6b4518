-- Statistics roll-up: per organization, mode, UTC hour of creation, extractor, status and (for
-- failed jobs) error code, the count and sums of the jobs' figures. A trigger keeps it in step
-- with the jobs table whoever writes it (API, workers, reaper, retention), in the same
-- transaction, so statistics over whole hours read at most one row per hour and group instead of
-- every job (docs/operations.md, "Statistics"). A job counts in the row of its current state:
-- a change of state moves it from one row to another.
--
-- The sums hold every job's figures; statistics read processing times and confidences from the
-- completed rows only, credits and pages from all. error_code is '' except for failed jobs.
CREATE TABLE job_stats_hourly (
    org_id        TEXT NOT NULL,
    test_mode     BIGINT NOT NULL,
    hour          BIGINT NOT NULL,
    extractor_id  TEXT NOT NULL,
    status        TEXT NOT NULL,
    error_code    TEXT NOT NULL,
    jobs          BIGINT NOT NULL,
    timed         BIGINT NOT NULL,
    elapsed_ms    BIGINT NOT NULL,
    rated         BIGINT NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    credits       BIGINT NOT NULL,
    pages         BIGINT NOT NULL,
    PRIMARY KEY (org_id, test_mode, hour, extractor_id, status, error_code)
);

-- Processing times of completed jobs as a histogram per UTC day of creation and extractor, in
-- buckets no wider than a tenth of their lower bound (1 ms below 100 ms, 10 ms below 1 s, 100 ms
-- below 10 s, 1 s below 100 s, 10 s above). A percentile finds its bucket here and its exact
-- value among the jobs of that bucket alone, through jobs_completed_times.
CREATE TABLE job_times_daily (
    org_id        TEXT NOT NULL,
    test_mode     BIGINT NOT NULL,
    day           BIGINT NOT NULL,
    extractor_id  TEXT NOT NULL,
    bucket        BIGINT NOT NULL,
    jobs          BIGINT NOT NULL,
    PRIMARY KEY (org_id, test_mode, day, extractor_id, bucket)
);

-- Completed jobs in order of processing time (the expression the statistics query names). Partial,
-- so that submits, which insert queued jobs, do not write it.
CREATE INDEX jobs_completed_times ON jobs (org_id, test_mode, (completed_at - started_at), created_at, extractor_id)
    WHERE status = 'completed';

-- The histogram bucket of a processing time in milliseconds.
CREATE FUNCTION job_time_bucket(elapsed BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN elapsed < 100 THEN elapsed
                WHEN elapsed < 1000 THEN elapsed - elapsed % 10
                WHEN elapsed < 10000 THEN elapsed - elapsed % 100
                WHEN elapsed < 100000 THEN elapsed - elapsed % 1000
                ELSE elapsed - elapsed % 10000 END
$$;

-- Adds one job's figures to its roll-up rows (delta 1) or takes them away (delta -1), dropping rows
-- that no job counts in any more.
CREATE FUNCTION jobs_stats_add(j jobs, delta INT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    err_code TEXT := CASE WHEN j.status = 'failed' THEN COALESCE(j.error_code, '') ELSE '' END;
    elapsed BIGINT := j.completed_at - j.started_at;
BEGIN
    INSERT INTO job_stats_hourly AS s (org_id, test_mode, hour, extractor_id, status, error_code,
                                       jobs, timed, elapsed_ms, rated, confidence, credits, pages)
    VALUES (j.org_id, j.test_mode, j.created_at / 3600000, j.extractor_id, j.status, err_code,
            delta, delta * (elapsed IS NOT NULL)::int, delta * COALESCE(elapsed, 0),
            delta * (j.mean_confidence IS NOT NULL)::int, delta * COALESCE(j.mean_confidence, 0),
            delta * j.cost_credits, delta * COALESCE(j.page_count, 0))
    ON CONFLICT (org_id, test_mode, hour, extractor_id, status, error_code)
    DO UPDATE SET jobs = s.jobs + excluded.jobs, timed = s.timed + excluded.timed,
                  elapsed_ms = s.elapsed_ms + excluded.elapsed_ms, rated = s.rated + excluded.rated,
                  confidence = s.confidence + excluded.confidence, credits = s.credits + excluded.credits,
                  pages = s.pages + excluded.pages;
    IF j.status = 'completed' AND elapsed IS NOT NULL THEN
        INSERT INTO job_times_daily AS t (org_id, test_mode, day, extractor_id, bucket, jobs)
        VALUES (j.org_id, j.test_mode, j.created_at / 86400000, j.extractor_id, job_time_bucket(elapsed), delta)
        ON CONFLICT (org_id, test_mode, day, extractor_id, bucket) DO UPDATE SET jobs = t.jobs + excluded.jobs;
    END IF;
    IF delta < 0 THEN
        DELETE FROM job_stats_hourly
        WHERE org_id = j.org_id AND test_mode = j.test_mode AND hour = j.created_at / 3600000
          AND extractor_id = j.extractor_id AND status = j.status AND error_code = err_code AND jobs <= 0;
        DELETE FROM job_times_daily
        WHERE org_id = j.org_id AND test_mode = j.test_mode AND day = j.created_at / 86400000
          AND extractor_id = j.extractor_id AND bucket = job_time_bucket(elapsed) AND jobs <= 0;
    END IF;
END $$;

-- A change of state takes the job out of its old row and adds it to its new one. The two rows are
-- locked in one order whatever the direction (a claim moves queued to processing, a retry
-- processing back to queued): taking them in the order of the change would let a claim and a
-- retry of the same hour and extractor each hold one row and wait for the other, a deadlock.
CREATE FUNCTION jobs_stats_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM jobs_stats_add(NEW, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM jobs_stats_add(OLD, -1);
    ELSIF (OLD.org_id, OLD.test_mode, OLD.created_at, OLD.extractor_id, OLD.status, OLD.error_code,
           OLD.started_at, OLD.completed_at, OLD.mean_confidence, OLD.cost_credits, OLD.page_count)
          IS DISTINCT FROM
          (NEW.org_id, NEW.test_mode, NEW.created_at, NEW.extractor_id, NEW.status, NEW.error_code,
           NEW.started_at, NEW.completed_at, NEW.mean_confidence, NEW.cost_credits, NEW.page_count) THEN
        IF (OLD.org_id, OLD.test_mode, OLD.created_at / 3600000, OLD.extractor_id, OLD.status)
                <= (NEW.org_id, NEW.test_mode, NEW.created_at / 3600000, NEW.extractor_id, NEW.status) THEN
            PERFORM jobs_stats_add(OLD, -1);
            PERFORM jobs_stats_add(NEW, 1);
        ELSE
            PERFORM jobs_stats_add(NEW, 1);
            PERFORM jobs_stats_add(OLD, -1);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER jobs_stats_rollup AFTER INSERT OR DELETE OR UPDATE OF org_id, test_mode, created_at,
    extractor_id, status, error_code, started_at, completed_at, mean_confidence, cost_credits, page_count
    ON jobs FOR EACH ROW EXECUTE FUNCTION jobs_stats_rollup();

-- Existing jobs.
INSERT INTO job_times_daily (org_id, test_mode, day, extractor_id, bucket, jobs)
SELECT jobs.org_id, jobs.test_mode, jobs.created_at / 86400000, jobs.extractor_id, job_time_bucket(jobs.completed_at - jobs.started_at), COUNT(*)
FROM jobs
WHERE jobs.status = 'completed' AND jobs.completed_at - jobs.started_at IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO job_stats_hourly (org_id, test_mode, hour, extractor_id, status, error_code,
                              jobs, timed, elapsed_ms, rated, confidence, credits, pages)
SELECT org_id, test_mode, created_at / 3600000, extractor_id, status,
       CASE WHEN status = 'failed' THEN COALESCE(error_code, '') ELSE '' END,
       COUNT(*), COUNT(completed_at - started_at), COALESCE(SUM(completed_at - started_at), 0),
       COUNT(mean_confidence), COALESCE(SUM(mean_confidence), 0), SUM(cost_credits), COALESCE(SUM(page_count), 0)
FROM jobs
GROUP BY 1, 2, 3, 4, 5, 6;
