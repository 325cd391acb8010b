-- Runs a runner imported from activity files (chat uploads, zips, a Garmin export), so the coach has a history
-- without Garmin. Portable SQL (SQLite and PostgreSQL); times are epoch millis. Every row hangs off its account:
-- deleting an account deletes its imported runs.
-- A file counts once by the SHA-256 of its bytes (content_sha256); the same run in a second format is recognised by
-- its start time (start_at) when it is imported. header and body are ActivityCodec bytes: the run without its
-- samples and laps (what a list of runs reads) and in full (what the coach analyses).
CREATE TABLE imported_runs (
    account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    activity_id    TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    start_at       BIGINT,
    header         BYTEA NOT NULL,
    body           BYTEA NOT NULL,
    imported_at    BIGINT NOT NULL,
    PRIMARY KEY (account_id, activity_id),
    UNIQUE (account_id, content_sha256)
);
CREATE INDEX imported_runs_newest ON imported_runs (account_id, start_at);
