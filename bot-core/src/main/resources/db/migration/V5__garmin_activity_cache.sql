-- Garmin data cached per account, so answers survive a restart without asking Garmin again. Portable SQL (SQLite
-- and PostgreSQL); times are epoch millis. Every row hangs off its account: deleting an account deletes its cache.
-- The rows hold runs, never tokens (those live in the secret store).

-- One row per account: the freshness stamp users see ("synced 4 min ago"), how far back the list is complete,
-- and Garmin's user settings (thresholds) for the athlete profile.
CREATE TABLE garmin_sync_state (
    account_id     TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    last_success   BIGINT,
    last_attempt   BIGINT,
    problem_code   TEXT,
    problem_detail TEXT,
    covered_from   BIGINT,
    user_settings  TEXT
);

-- The activity list, newest first by start_at: a compact header plus the raw list item (the summary a cold
-- "analyse my last run" needs, so it costs one details call instead of two).
CREATE TABLE garmin_listed_runs (
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    activity_id TEXT NOT NULL,
    start_at    BIGINT,
    header      TEXT NOT NULL,
    list_item   TEXT NOT NULL,
    PRIMARY KEY (account_id, activity_id)
);
CREATE INDEX garmin_listed_runs_newest ON garmin_listed_runs (account_id, start_at);

-- Normalised activities with their samples: a versioned, deflated binary (ActivityCodec), about 0.3 MB for a
-- two-hour run at 1 Hz. BYTEA is PostgreSQL's binary type; SQLite stores the bytes as a blob under any type name.
CREATE TABLE garmin_activities (
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    activity_id TEXT NOT NULL,
    body        BYTEA NOT NULL,
    stored_at   BIGINT NOT NULL,
    PRIMARY KEY (account_id, activity_id)
);

-- Developer Program user ids of accounts linked through the official OAuth flow, so push and ping notifications
-- find their account. Only a SHA-256 of the Garmin user id is kept; one account has at most one such link.
CREATE TABLE garmin_partner_users (
    user_hash  TEXT PRIMARY KEY,
    account_id TEXT NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    linked_at  BIGINT NOT NULL
);
