-- Statistics roll-up: per organization, mode, UTC hour of creation, extractor, status and (for
-- failed jobs) error code, the count and sums of the jobs' figures. Triggers keep it in step with
-- the jobs table whoever writes it (API, workers, reaper, retention, seed scripts), in the same
-- transaction, so statistics over whole hours read at most one row per hour and group instead of
-- every job (docs/operations.md, "Statistics"). A job counts in the row of its current state:
-- a change of state moves it from one row to another.
--
-- The sums hold every job's figures; statistics read processing times and confidences from the
-- completed rows only, credits and pages from all. error_code is '' except for failed jobs.
CREATE TABLE job_stats_hourly (
    org_id        TEXT NOT NULL,
    test_mode     INTEGER NOT NULL,
    hour          INTEGER NOT NULL,
    extractor_id  TEXT NOT NULL,
    status        TEXT NOT NULL,
    error_code    TEXT NOT NULL,
    jobs          INTEGER NOT NULL,
    timed         INTEGER NOT NULL,
    elapsed_ms    INTEGER NOT NULL,
    rated         INTEGER NOT NULL,
    confidence    REAL NOT NULL,
    credits       INTEGER NOT NULL,
    pages         INTEGER NOT NULL,
    PRIMARY KEY (org_id, test_mode, hour, extractor_id, status, error_code)
) WITHOUT ROWID;

-- Processing times of completed jobs as a histogram per UTC day of creation and extractor, in
-- buckets no wider than a tenth of their lower bound (1 ms below 100 ms, 10 ms below 1 s, 100 ms
-- below 10 s, 1 s below 100 s, 10 s above). A percentile finds its bucket here and its exact
-- value among the jobs of that bucket alone, through jobs_completed_times.
CREATE TABLE job_times_daily (
    org_id        TEXT NOT NULL,
    test_mode     INTEGER NOT NULL,
    day           INTEGER NOT NULL,
    extractor_id  TEXT NOT NULL,
    bucket        INTEGER NOT NULL,
    jobs          INTEGER NOT NULL,
    PRIMARY KEY (org_id, test_mode, day, extractor_id, bucket)
) WITHOUT ROWID;

-- Completed jobs in order of processing time (the expression the statistics query names). Partial,
-- so that submits, which insert queued jobs, do not write it.
CREATE INDEX jobs_completed_times ON jobs (org_id, test_mode, (completed_at - started_at), created_at, extractor_id)
    WHERE status = 'completed';

CREATE TRIGGER jobs_stats_on_insert AFTER INSERT ON jobs
BEGIN
    INSERT INTO job_stats_hourly (org_id, test_mode, hour, extractor_id, status, error_code,
                                  jobs, timed, elapsed_ms, rated, confidence, credits, pages)
    VALUES (NEW.org_id, NEW.test_mode, NEW.created_at / 3600000, NEW.extractor_id, NEW.status,
            CASE WHEN NEW.status = 'failed' THEN COALESCE(NEW.error_code, '') ELSE '' END,
            1, NEW.completed_at - NEW.started_at IS NOT NULL, COALESCE(NEW.completed_at - NEW.started_at, 0),
            NEW.mean_confidence IS NOT NULL, COALESCE(NEW.mean_confidence, 0), NEW.cost_credits,
            COALESCE(NEW.page_count, 0))
    ON CONFLICT (org_id, test_mode, hour, extractor_id, status, error_code)
    DO UPDATE SET jobs = jobs + 1, timed = timed + excluded.timed, elapsed_ms = elapsed_ms + excluded.elapsed_ms,
                  rated = rated + excluded.rated, confidence = confidence + excluded.confidence,
                  credits = credits + excluded.credits, pages = pages + excluded.pages;
    INSERT INTO job_times_daily (org_id, test_mode, day, extractor_id, bucket, jobs)
    SELECT NEW.org_id, NEW.test_mode, NEW.created_at / 86400000, NEW.extractor_id,
        CASE WHEN (NEW.completed_at - NEW.started_at) < 100 THEN (NEW.completed_at - NEW.started_at)
            WHEN (NEW.completed_at - NEW.started_at) < 1000 THEN (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 10
            WHEN (NEW.completed_at - NEW.started_at) < 10000 THEN (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 100
            WHEN (NEW.completed_at - NEW.started_at) < 100000 THEN (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 1000
            ELSE (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 10000 END, 1
    WHERE NEW.status = 'completed' AND NEW.completed_at - NEW.started_at IS NOT NULL
    ON CONFLICT (org_id, test_mode, day, extractor_id, bucket) DO UPDATE SET jobs = job_times_daily.jobs + 1;
END;

CREATE TRIGGER jobs_stats_on_delete AFTER DELETE ON jobs
BEGIN
    UPDATE job_stats_hourly
    SET jobs = jobs - 1, timed = timed - (OLD.completed_at - OLD.started_at IS NOT NULL),
        elapsed_ms = elapsed_ms - COALESCE(OLD.completed_at - OLD.started_at, 0),
        rated = rated - (OLD.mean_confidence IS NOT NULL), confidence = confidence - COALESCE(OLD.mean_confidence, 0),
        credits = credits - OLD.cost_credits, pages = pages - COALESCE(OLD.page_count, 0)
    WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND hour = OLD.created_at / 3600000
      AND extractor_id = OLD.extractor_id AND status = OLD.status
      AND error_code = CASE WHEN OLD.status = 'failed' THEN COALESCE(OLD.error_code, '') ELSE '' END;
    DELETE FROM job_stats_hourly
    WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND hour = OLD.created_at / 3600000
      AND extractor_id = OLD.extractor_id AND status = OLD.status AND jobs <= 0;
    UPDATE job_times_daily SET jobs = jobs - 1
    WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND day = OLD.created_at / 86400000
      AND extractor_id = OLD.extractor_id AND OLD.status = 'completed' AND OLD.completed_at - OLD.started_at IS NOT NULL
      AND bucket = CASE WHEN (OLD.completed_at - OLD.started_at) < 100 THEN (OLD.completed_at - OLD.started_at)
            WHEN (OLD.completed_at - OLD.started_at) < 1000 THEN (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 10
            WHEN (OLD.completed_at - OLD.started_at) < 10000 THEN (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 100
            WHEN (OLD.completed_at - OLD.started_at) < 100000 THEN (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 1000
            ELSE (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 10000 END;
    DELETE FROM job_times_daily
    WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND day = OLD.created_at / 86400000
      AND extractor_id = OLD.extractor_id AND jobs <= 0;
END;

-- An update moves the job out of the row of its old state and into the row of its new one; the
-- lease heartbeat and other columns that statistics do not read fire nothing.
CREATE TRIGGER jobs_stats_on_update AFTER UPDATE OF org_id, test_mode, created_at, extractor_id, status,
    error_code, started_at, completed_at, mean_confidence, cost_credits, page_count ON jobs
WHEN OLD.org_id IS NOT NEW.org_id OR OLD.test_mode IS NOT NEW.test_mode OR OLD.created_at IS NOT NEW.created_at
    OR OLD.extractor_id IS NOT NEW.extractor_id OR OLD.status IS NOT NEW.status
    OR OLD.error_code IS NOT NEW.error_code OR OLD.started_at IS NOT NEW.started_at
    OR OLD.completed_at IS NOT NEW.completed_at OR OLD.mean_confidence IS NOT NEW.mean_confidence
    OR OLD.cost_credits IS NOT NEW.cost_credits OR OLD.page_count IS NOT NEW.page_count
BEGIN
    UPDATE job_stats_hourly
    SET jobs = jobs - 1, timed = timed - (OLD.completed_at - OLD.started_at IS NOT NULL),
        elapsed_ms = elapsed_ms - COALESCE(OLD.completed_at - OLD.started_at, 0),
        rated = rated - (OLD.mean_confidence IS NOT NULL), confidence = confidence - COALESCE(OLD.mean_confidence, 0),
        credits = credits - OLD.cost_credits, pages = pages - COALESCE(OLD.page_count, 0)
    WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND hour = OLD.created_at / 3600000
      AND extractor_id = OLD.extractor_id AND status = OLD.status
      AND error_code = CASE WHEN OLD.status = 'failed' THEN COALESCE(OLD.error_code, '') ELSE '' END;
    DELETE FROM job_stats_hourly
    WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND hour = OLD.created_at / 3600000
      AND extractor_id = OLD.extractor_id AND status = OLD.status AND jobs <= 0;
    INSERT INTO job_stats_hourly (org_id, test_mode, hour, extractor_id, status, error_code,
                                  jobs, timed, elapsed_ms, rated, confidence, credits, pages)
    VALUES (NEW.org_id, NEW.test_mode, NEW.created_at / 3600000, NEW.extractor_id, NEW.status,
            CASE WHEN NEW.status = 'failed' THEN COALESCE(NEW.error_code, '') ELSE '' END,
            1, NEW.completed_at - NEW.started_at IS NOT NULL, COALESCE(NEW.completed_at - NEW.started_at, 0),
            NEW.mean_confidence IS NOT NULL, COALESCE(NEW.mean_confidence, 0), NEW.cost_credits,
            COALESCE(NEW.page_count, 0))
    ON CONFLICT (org_id, test_mode, hour, extractor_id, status, error_code)
    DO UPDATE SET jobs = jobs + 1, timed = timed + excluded.timed, elapsed_ms = elapsed_ms + excluded.elapsed_ms,
                  rated = rated + excluded.rated, confidence = confidence + excluded.confidence,
                  credits = credits + excluded.credits, pages = pages + excluded.pages;
    UPDATE job_times_daily SET jobs = jobs - 1
    WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND day = OLD.created_at / 86400000
      AND extractor_id = OLD.extractor_id AND OLD.status = 'completed' AND OLD.completed_at - OLD.started_at IS NOT NULL
      AND bucket = CASE WHEN (OLD.completed_at - OLD.started_at) < 100 THEN (OLD.completed_at - OLD.started_at)
            WHEN (OLD.completed_at - OLD.started_at) < 1000 THEN (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 10
            WHEN (OLD.completed_at - OLD.started_at) < 10000 THEN (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 100
            WHEN (OLD.completed_at - OLD.started_at) < 100000 THEN (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 1000
            ELSE (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 10000 END;
    DELETE FROM job_times_daily
    WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND day = OLD.created_at / 86400000
      AND extractor_id = OLD.extractor_id AND jobs <= 0;
    INSERT INTO job_times_daily (org_id, test_mode, day, extractor_id, bucket, jobs)
    SELECT NEW.org_id, NEW.test_mode, NEW.created_at / 86400000, NEW.extractor_id,
        CASE WHEN (NEW.completed_at - NEW.started_at) < 100 THEN (NEW.completed_at - NEW.started_at)
            WHEN (NEW.completed_at - NEW.started_at) < 1000 THEN (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 10
            WHEN (NEW.completed_at - NEW.started_at) < 10000 THEN (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 100
            WHEN (NEW.completed_at - NEW.started_at) < 100000 THEN (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 1000
            ELSE (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 10000 END, 1
    WHERE NEW.status = 'completed' AND NEW.completed_at - NEW.started_at IS NOT NULL
    ON CONFLICT (org_id, test_mode, day, extractor_id, bucket) DO UPDATE SET jobs = job_times_daily.jobs + 1;
END;

-- Existing jobs.
INSERT INTO job_times_daily (org_id, test_mode, day, extractor_id, bucket, jobs)
SELECT jobs.org_id, jobs.test_mode, jobs.created_at / 86400000, jobs.extractor_id,
    CASE WHEN (jobs.completed_at - jobs.started_at) < 100 THEN (jobs.completed_at - jobs.started_at)
        WHEN (jobs.completed_at - jobs.started_at) < 1000 THEN (jobs.completed_at - jobs.started_at) - (jobs.completed_at - jobs.started_at) % 10
        WHEN (jobs.completed_at - jobs.started_at) < 10000 THEN (jobs.completed_at - jobs.started_at) - (jobs.completed_at - jobs.started_at) % 100
        WHEN (jobs.completed_at - jobs.started_at) < 100000 THEN (jobs.completed_at - jobs.started_at) - (jobs.completed_at - jobs.started_at) % 1000
        ELSE (jobs.completed_at - jobs.started_at) - (jobs.completed_at - jobs.started_at) % 10000 END, COUNT(*)
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
