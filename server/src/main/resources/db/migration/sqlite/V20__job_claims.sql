-- Claims count running jobs and find the oldest queued job per organization.
CREATE INDEX jobs_status_org ON jobs (status, org_id, created_at);
