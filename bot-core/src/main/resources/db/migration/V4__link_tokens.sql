-- One-time links: only a SHA-256 of each token is stored, bound to the identity and account that asked for it.
CREATE TABLE link_tokens (
    token_hash   TEXT PRIMARY KEY,
    purpose      TEXT NOT NULL,
    platform     TEXT NOT NULL,
    tenant_id    TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    channel_id   TEXT NOT NULL,
    account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT
);
CREATE INDEX link_tokens_identity ON link_tokens (platform, tenant_id, user_id, purpose);
