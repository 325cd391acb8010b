-- /admin broadcast drafts waiting for their operator's confirmation, shared by every instance so a confirmation
-- may reach another instance than the draft did. One draft per operator (a new draft replaces the old); the code
-- is kept only as its SHA-256; rows are used up by the confirmation and purged after expires_at (epoch millis).
CREATE TABLE broadcast_drafts (
    operator   TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    recipients INTEGER NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX broadcast_drafts_expiry ON broadcast_drafts (expires_at);
