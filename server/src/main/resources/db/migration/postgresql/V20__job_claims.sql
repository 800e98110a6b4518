-- Claims count running jobs and find the oldest queued job per organization.
CREATE INDEX jobs_status_org ON jobs (status, org_id, created_at);

-- Wakes idle workers in every process when a job becomes claimable (submitted or put back).
-- Notifications with the same payload in one transaction are delivered once.
CREATE FUNCTION docextract_job_queued() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('docextract_jobs', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER jobs_queued_notify
    AFTER INSERT OR UPDATE OF status ON jobs
    FOR EACH ROW WHEN (NEW.status = 'queued')
    EXECUTE FUNCTION docextract_job_queued();
