-- Where the bot may write to an account on its own initiative: the direct conversations it was last written in
-- (ids only). Used for notices (new data arrived, the Garmin link needs attention) and operator broadcasts.
CREATE TABLE known_conversations (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    platform   TEXT NOT NULL,
    tenant_id  TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    last_seen  BIGINT NOT NULL,
    PRIMARY KEY (account_id, platform, tenant_id, channel_id, user_id)
);
CREATE INDEX known_conversations_seen ON known_conversations (last_seen);

-- The result of the last Garmin credential check per linked account. told_health is the verdict the runner was
-- last told about, so a broken link is announced once, not on every check or message.
CREATE TABLE link_health (
    account_id    TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    health        TEXT NOT NULL CHECK (health IN ('healthy', 'needs_relink', 'permission_removed')),
    checked_at    BIGINT NOT NULL,
    next_check_at BIGINT NOT NULL,
    told_health   TEXT
);
CREATE INDEX link_health_next ON link_health (next_check_at);
