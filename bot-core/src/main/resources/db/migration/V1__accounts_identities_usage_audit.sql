-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Ids are app-generated text; times are epoch millis.

CREATE TABLE accounts (
    id           TEXT PRIMARY KEY,
    created_at   BIGINT NOT NULL,
    units        TEXT NOT NULL DEFAULT 'km' CHECK (units IN ('km', 'mi')),
    time_zone    TEXT,
    display_name TEXT
);

-- A platform user maps to exactly one account; an account may have identities on several platforms.
CREATE TABLE platform_identities (
    platform   TEXT NOT NULL,
    tenant_id  TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (platform, tenant_id, user_id)
);
CREATE INDEX platform_identities_account ON platform_identities (account_id);

-- Counts, never contents: pace42 does not store message bodies.
CREATE TABLE usage_daily (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day        TEXT NOT NULL,
    platform   TEXT NOT NULL,
    messages   BIGINT NOT NULL,
    PRIMARY KEY (account_id, day, platform)
);
CREATE INDEX usage_daily_day ON usage_daily (day);

CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT,
    outcome    TEXT NOT NULL,
    request_id TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
