-- Times are Unix epoch milliseconds (BIGINT) in both dialects; JSON is JSONB.

CREATE TABLE organizations (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    plan                  TEXT NOT NULL DEFAULT 'self_hosted',
    retention_days        BIGINT NOT NULL DEFAULT 90,
    credits_enforced      BIGINT NOT NULL DEFAULT 0,
    requests_per_minute   BIGINT,
    requests_per_hour     BIGINT,
    max_concurrent_jobs   BIGINT,
    created_at            BIGINT NOT NULL
);

CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organizations (id),
    name          TEXT NOT NULL,
    secret_hash   TEXT NOT NULL UNIQUE,
    display_hint  TEXT NOT NULL,
    test_mode     BIGINT NOT NULL,
    scopes        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    revoked_at    BIGINT,
    last_used_at  BIGINT
);
CREATE INDEX api_keys_org ON api_keys (org_id);

CREATE TABLE extractors (
    id                 TEXT PRIMARY KEY,
    org_id             TEXT NOT NULL REFERENCES organizations (id),
    name               TEXT NOT NULL,
    document_type      TEXT NOT NULL,
    description        TEXT,
    field_definitions  JSONB NOT NULL,
    is_active          BIGINT NOT NULL DEFAULT 1,
    version            BIGINT NOT NULL DEFAULT 1,
    usage_count        BIGINT NOT NULL DEFAULT 0,
    created_by         TEXT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);
CREATE INDEX extractors_org ON extractors (org_id, created_at);

-- Every version an extractor has had, so that jobs keep the definition they were made with.
CREATE TABLE extractor_versions (
    extractor_id       TEXT NOT NULL REFERENCES extractors (id),
    version            BIGINT NOT NULL,
    document_type      TEXT NOT NULL,
    description        TEXT,
    field_definitions  JSONB NOT NULL,
    created_at         BIGINT NOT NULL,
    PRIMARY KEY (extractor_id, version)
);

CREATE TABLE jobs (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations (id),
    extractor_id        TEXT NOT NULL REFERENCES extractors (id),
    extractor_version   BIGINT NOT NULL,
    api_key_id          TEXT,
    status              TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'completed', 'failed')),
    test_mode           BIGINT NOT NULL,
    mime_type           TEXT NOT NULL,
    filename            TEXT,
    file_size_bytes     BIGINT NOT NULL,
    blob_key            TEXT,
    page_count          BIGINT,
    extracted_data      JSONB,
    confidence          JSONB,
    confidence_score    DOUBLE PRECISION,
    mean_confidence     DOUBLE PRECISION,
    field_locations     JSONB,
    warnings            JSONB,
    processing_time_ms  BIGINT,
    cost_credits        BIGINT NOT NULL DEFAULT 0,
    error_code          TEXT,
    error_message       TEXT,
    error_suggestion    TEXT,
    metadata            JSONB NOT NULL DEFAULT '{}',
    attempts            BIGINT NOT NULL DEFAULT 0,
    run_after           BIGINT NOT NULL,
    locked_by           TEXT,
    lease_expires_at    BIGINT,
    version             BIGINT NOT NULL DEFAULT 0,
    created_at          BIGINT NOT NULL,
    started_at          BIGINT,
    completed_at        BIGINT
);
CREATE INDEX jobs_org_created ON jobs (org_id, test_mode, created_at);
CREATE INDEX jobs_org_status_created ON jobs (org_id, test_mode, status, created_at);
CREATE INDEX jobs_org_extractor_created ON jobs (org_id, test_mode, extractor_id, created_at);
CREATE INDEX jobs_claimable ON jobs (status, run_after);
CREATE INDEX jobs_lease ON jobs (status, lease_expires_at);
CREATE INDEX jobs_metadata ON jobs USING GIN (metadata jsonb_path_ops);

CREATE TABLE idempotency_keys (
    org_id        TEXT NOT NULL,
    test_mode     BIGINT NOT NULL,
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    job_id        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (org_id, test_mode, key)
);

CREATE TABLE credit_accounts (
    org_id           TEXT PRIMARY KEY REFERENCES organizations (id),
    balance          BIGINT NOT NULL DEFAULT 0,
    total_purchased  BIGINT NOT NULL DEFAULT 0,
    total_used       BIGINT NOT NULL DEFAULT 0,
    low_balance_threshold BIGINT NOT NULL DEFAULT 100
);

CREATE TABLE credit_transactions (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES organizations (id),
    type           TEXT NOT NULL CHECK (type IN ('purchase', 'grant', 'usage', 'refund', 'adjustment')),
    amount         BIGINT NOT NULL,
    balance_after  BIGINT NOT NULL,
    job_id         TEXT,
    description    TEXT,
    price_paid     TEXT,
    created_at     BIGINT NOT NULL
);
CREATE INDEX credit_transactions_org ON credit_transactions (org_id, created_at);

-- Fixed-window request counters; shared by every API process.
CREATE TABLE rate_limit_windows (
    bucket        TEXT NOT NULL,
    window_start  BIGINT NOT NULL,
    count         BIGINT NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE TABLE webhooks (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organizations (id),
    url          TEXT NOT NULL,
    events       JSONB NOT NULL,
    description  TEXT,
    secret       TEXT NOT NULL,
    is_active    BIGINT NOT NULL DEFAULT 1,
    test_mode    BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);

CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL,
    type        TEXT NOT NULL,
    test_mode   BIGINT NOT NULL DEFAULT 0,
    payload     JSONB NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE webhook_deliveries (
    id                TEXT PRIMARY KEY,
    webhook_id        TEXT NOT NULL REFERENCES webhooks (id),
    event_id          TEXT NOT NULL REFERENCES events (id),
    status            TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts          BIGINT NOT NULL DEFAULT 0,
    next_attempt_at   BIGINT,
    last_status_code  BIGINT,
    last_error        TEXT,
    locked_by         TEXT,
    lease_expires_at  BIGINT,
    created_at        BIGINT NOT NULL,
    completed_at      BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at);
