-- Times are Unix epoch milliseconds (INTEGER) in both dialects; JSON is TEXT checked by json_valid.

CREATE TABLE organizations (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    plan                  TEXT NOT NULL DEFAULT 'self_hosted',
    retention_days        INTEGER NOT NULL DEFAULT 90,
    credits_enforced      INTEGER NOT NULL DEFAULT 0,
    requests_per_minute   INTEGER,
    requests_per_hour     INTEGER,
    max_concurrent_jobs   INTEGER,
    created_at            INTEGER NOT NULL
);

CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organizations (id),
    name          TEXT NOT NULL,
    secret_hash   TEXT NOT NULL UNIQUE,
    display_hint  TEXT NOT NULL,
    test_mode     INTEGER NOT NULL,
    scopes        TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    revoked_at    INTEGER,
    last_used_at  INTEGER
);
CREATE INDEX api_keys_org ON api_keys (org_id);

CREATE TABLE extractors (
    id                 TEXT PRIMARY KEY,
    org_id             TEXT NOT NULL REFERENCES organizations (id),
    name               TEXT NOT NULL,
    document_type      TEXT NOT NULL,
    description        TEXT,
    field_definitions  TEXT NOT NULL CHECK (json_valid(field_definitions)),
    is_active          INTEGER NOT NULL DEFAULT 1,
    version            INTEGER NOT NULL DEFAULT 1,
    usage_count        INTEGER NOT NULL DEFAULT 0,
    created_by         TEXT,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX extractors_org ON extractors (org_id, created_at);

-- Every version an extractor has had, so that jobs keep the definition they were made with.
CREATE TABLE extractor_versions (
    extractor_id       TEXT NOT NULL REFERENCES extractors (id),
    version            INTEGER NOT NULL,
    document_type      TEXT NOT NULL,
    description        TEXT,
    field_definitions  TEXT NOT NULL CHECK (json_valid(field_definitions)),
    created_at         INTEGER NOT NULL,
    PRIMARY KEY (extractor_id, version)
);

CREATE TABLE jobs (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations (id),
    extractor_id        TEXT NOT NULL REFERENCES extractors (id),
    extractor_version   INTEGER NOT NULL,
    api_key_id          TEXT,
    status              TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'completed', 'failed')),
    test_mode           INTEGER NOT NULL,
    mime_type           TEXT NOT NULL,
    filename            TEXT,
    file_size_bytes     INTEGER NOT NULL,
    blob_key            TEXT,
    page_count          INTEGER,
    extracted_data      TEXT CHECK (extracted_data IS NULL OR json_valid(extracted_data)),
    confidence          TEXT CHECK (confidence IS NULL OR json_valid(confidence)),
    confidence_score    REAL,
    mean_confidence     REAL,
    field_locations     TEXT CHECK (field_locations IS NULL OR json_valid(field_locations)),
    warnings            TEXT CHECK (warnings IS NULL OR json_valid(warnings)),
    processing_time_ms  INTEGER,
    cost_credits        INTEGER NOT NULL DEFAULT 0,
    error_code          TEXT,
    error_message       TEXT,
    error_suggestion    TEXT,
    metadata            TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
    attempts            INTEGER NOT NULL DEFAULT 0,
    run_after           INTEGER NOT NULL,
    locked_by           TEXT,
    lease_expires_at    INTEGER,
    version             INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    started_at          INTEGER,
    completed_at        INTEGER
);
CREATE INDEX jobs_org_created ON jobs (org_id, test_mode, created_at);
CREATE INDEX jobs_org_status_created ON jobs (org_id, test_mode, status, created_at);
CREATE INDEX jobs_org_extractor_created ON jobs (org_id, test_mode, extractor_id, created_at);
CREATE INDEX jobs_claimable ON jobs (status, run_after);
CREATE INDEX jobs_lease ON jobs (status, lease_expires_at);

CREATE TABLE idempotency_keys (
    org_id        TEXT NOT NULL,
    test_mode     INTEGER NOT NULL,
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    job_id        TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (org_id, test_mode, key)
);

CREATE TABLE credit_accounts (
    org_id           TEXT PRIMARY KEY REFERENCES organizations (id),
    balance          INTEGER NOT NULL DEFAULT 0,
    total_purchased  INTEGER NOT NULL DEFAULT 0,
    total_used       INTEGER NOT NULL DEFAULT 0,
    low_balance_threshold INTEGER NOT NULL DEFAULT 100
);

CREATE TABLE credit_transactions (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organizations (id),
    type           TEXT NOT NULL CHECK (type IN ('purchase', 'grant', 'usage', 'refund', 'adjustment')),
    amount         INTEGER NOT NULL,
    balance_after  INTEGER NOT NULL,
    job_id         TEXT,
    description    TEXT,
    price_paid     TEXT,
    created_at     INTEGER NOT NULL
);
CREATE INDEX credit_transactions_org ON credit_transactions (org_id, created_at);

-- Fixed-window request counters; shared by every API process.
CREATE TABLE rate_limit_windows (
    bucket        TEXT NOT NULL,
    window_start  INTEGER NOT NULL,
    count         INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE TABLE webhooks (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organizations (id),
    url          TEXT NOT NULL,
    events       TEXT NOT NULL CHECK (json_valid(events)),
    description  TEXT,
    secret       TEXT NOT NULL,
    is_active    INTEGER NOT NULL DEFAULT 1,
    test_mode    INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);

CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL,
    type        TEXT NOT NULL,
    test_mode   INTEGER NOT NULL DEFAULT 0,
    payload     TEXT NOT NULL CHECK (json_valid(payload)),
    created_at  INTEGER NOT NULL
);

CREATE TABLE webhook_deliveries (
    id                TEXT PRIMARY KEY,
    webhook_id        TEXT NOT NULL REFERENCES webhooks (id),
    event_id          TEXT NOT NULL REFERENCES events (id),
    status            TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   INTEGER,
    last_status_code  INTEGER,
    last_error        TEXT,
    locked_by         TEXT,
    lease_expires_at  INTEGER,
    created_at        INTEGER NOT NULL,
    completed_at      INTEGER
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at);
