-- Per-key request limits: null means the key shares its organization's limits only.
ALTER TABLE api_keys ADD COLUMN requests_per_minute INTEGER;
ALTER TABLE api_keys ADD COLUMN requests_per_hour INTEGER;

-- The purge of old counter windows scans by window start.
CREATE INDEX rate_limit_windows_start ON rate_limit_windows (window_start);

CREATE INDEX webhooks_org ON webhooks (org_id, test_mode, created_at);
CREATE INDEX events_org ON events (org_id, created_at);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);
