-- Short codes a runner types into their own chat to approve something that happened elsewhere: a Garmin link
-- finished on the link page, or a request to join two chat apps into one account. Only a hash of each code is
-- stored; a code has a few attempts and a few minutes, then it is ended.
CREATE TABLE chat_confirmations (
    id           TEXT PRIMARY KEY,
    purpose      TEXT NOT NULL,
    -- What is approved: the link's token hash, or the id shared by the two sides of one join request.
    subject      TEXT NOT NULL,
    -- Shown back once approved or when asked again: the Garmin name, or the other chat identity.
    detail       TEXT NOT NULL,
    platform     TEXT NOT NULL,
    tenant_id    TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    -- The chat to write to when the other side acts (a proactive notice).
    channel_id   TEXT NOT NULL,
    account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash    TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    confirmed_at BIGINT,
    ended_at     BIGINT,
    ended_by     TEXT CHECK (ended_by IN ('done', 'refused', 'expired', 'replaced'))
);
CREATE INDEX chat_confirmations_identity ON chat_confirmations (platform, tenant_id, user_id, purpose);
CREATE INDEX chat_confirmations_account ON chat_confirmations (account_id, purpose);
CREATE INDEX chat_confirmations_subject ON chat_confirmations (subject);
CREATE INDEX chat_confirmations_expiry ON chat_confirmations (expires_at);
