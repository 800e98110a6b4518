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

CREATE FUNCTION jobs_stats_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.org_id IS NOT DISTINCT FROM NEW.org_id
            AND OLD.test_mode IS NOT DISTINCT FROM NEW.test_mode
            AND OLD.created_at IS NOT DISTINCT FROM NEW.created_at
            AND OLD.extractor_id IS NOT DISTINCT FROM NEW.extractor_id
            AND OLD.status IS NOT DISTINCT FROM NEW.status
            AND OLD.error_code IS NOT DISTINCT FROM NEW.error_code
            AND OLD.started_at IS NOT DISTINCT FROM NEW.started_at
            AND OLD.completed_at IS NOT DISTINCT FROM NEW.completed_at
            AND OLD.mean_confidence IS NOT DISTINCT FROM NEW.mean_confidence
            AND OLD.cost_credits IS NOT DISTINCT FROM NEW.cost_credits
            AND OLD.page_count IS NOT DISTINCT FROM NEW.page_count THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE job_stats_hourly
        SET jobs = jobs - 1,
            timed = timed - (OLD.completed_at - OLD.started_at IS NOT NULL)::int,
            elapsed_ms = elapsed_ms - COALESCE(OLD.completed_at - OLD.started_at, 0),
            rated = rated - (OLD.mean_confidence IS NOT NULL)::int,
            confidence = confidence - COALESCE(OLD.mean_confidence, 0),
            credits = credits - OLD.cost_credits, pages = pages - COALESCE(OLD.page_count, 0)
        WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND hour = OLD.created_at / 3600000
          AND extractor_id = OLD.extractor_id AND status = OLD.status
          AND error_code = CASE WHEN OLD.status = 'failed' THEN COALESCE(OLD.error_code, '') ELSE '' END;
        DELETE FROM job_stats_hourly
        WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND hour = OLD.created_at / 3600000
          AND extractor_id = OLD.extractor_id AND status = OLD.status AND jobs <= 0;
        UPDATE job_times_daily SET jobs = jobs - 1
        WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND day = OLD.created_at / 86400000
          AND extractor_id = OLD.extractor_id AND bucket = CASE WHEN (OLD.completed_at - OLD.started_at) < 100 THEN (OLD.completed_at - OLD.started_at) WHEN (OLD.completed_at - OLD.started_at) < 1000 THEN (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 10 WHEN (OLD.completed_at - OLD.started_at) < 10000 THEN (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 100 WHEN (OLD.completed_at - OLD.started_at) < 100000 THEN (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 1000 ELSE (OLD.completed_at - OLD.started_at) - (OLD.completed_at - OLD.started_at) % 10000 END
          AND OLD.status = 'completed' AND OLD.completed_at - OLD.started_at IS NOT NULL;
        DELETE FROM job_times_daily
        WHERE org_id = OLD.org_id AND test_mode = OLD.test_mode AND day = OLD.created_at / 86400000
          AND extractor_id = OLD.extractor_id AND jobs <= 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO job_stats_hourly AS s (org_id, test_mode, hour, extractor_id, status, error_code,
                                           jobs, timed, elapsed_ms, rated, confidence, credits, pages)
        VALUES (NEW.org_id, NEW.test_mode, NEW.created_at / 3600000, NEW.extractor_id, NEW.status,
                CASE WHEN NEW.status = 'failed' THEN COALESCE(NEW.error_code, '') ELSE '' END,
                1, (NEW.completed_at - NEW.started_at IS NOT NULL)::int,
                COALESCE(NEW.completed_at - NEW.started_at, 0), (NEW.mean_confidence IS NOT NULL)::int,
                COALESCE(NEW.mean_confidence, 0), NEW.cost_credits, COALESCE(NEW.page_count, 0))
        ON CONFLICT (org_id, test_mode, hour, extractor_id, status, error_code)
        DO UPDATE SET jobs = s.jobs + 1, timed = s.timed + excluded.timed,
                      elapsed_ms = s.elapsed_ms + excluded.elapsed_ms, rated = s.rated + excluded.rated,
                      confidence = s.confidence + excluded.confidence, credits = s.credits + excluded.credits,
                      pages = s.pages + excluded.pages;
        INSERT INTO job_times_daily (org_id, test_mode, day, extractor_id, bucket, jobs)
        SELECT NEW.org_id, NEW.test_mode, NEW.created_at / 86400000, NEW.extractor_id, CASE WHEN (NEW.completed_at - NEW.started_at) < 100 THEN (NEW.completed_at - NEW.started_at) WHEN (NEW.completed_at - NEW.started_at) < 1000 THEN (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 10 WHEN (NEW.completed_at - NEW.started_at) < 10000 THEN (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 100 WHEN (NEW.completed_at - NEW.started_at) < 100000 THEN (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 1000 ELSE (NEW.completed_at - NEW.started_at) - (NEW.completed_at - NEW.started_at) % 10000 END, 1
        WHERE NEW.status = 'completed' AND NEW.completed_at - NEW.started_at IS NOT NULL
        ON CONFLICT (org_id, test_mode, day, extractor_id, bucket) DO UPDATE SET jobs = job_times_daily.jobs + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER jobs_stats_rollup AFTER INSERT OR DELETE OR UPDATE OF org_id, test_mode, created_at,
    extractor_id, status, error_code, started_at, completed_at, mean_confidence, cost_credits, page_count
    ON jobs FOR EACH ROW EXECUTE FUNCTION jobs_stats_rollup();

-- Existing jobs.
INSERT INTO job_times_daily (org_id, test_mode, day, extractor_id, bucket, jobs)
SELECT jobs.org_id, jobs.test_mode, jobs.created_at / 86400000, jobs.extractor_id, CASE WHEN (jobs.completed_at - jobs.started_at) < 100 THEN (jobs.completed_at - jobs.started_at) WHEN (jobs.completed_at - jobs.started_at) < 1000 THEN (jobs.completed_at - jobs.started_at) - (jobs.completed_at - jobs.started_at) % 10 WHEN (jobs.completed_at - jobs.started_at) < 10000 THEN (jobs.completed_at - jobs.started_at) - (jobs.completed_at - jobs.started_at) % 100 WHEN (jobs.completed_at - jobs.started_at) < 100000 THEN (jobs.completed_at - jobs.started_at) - (jobs.completed_at - jobs.started_at) % 1000 ELSE (jobs.completed_at - jobs.started_at) - (jobs.completed_at - jobs.started_at) % 10000 END, COUNT(*)
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
