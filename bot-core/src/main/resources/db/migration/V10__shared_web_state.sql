-- Short-lived state of the link page that any instance may need to finish a flow another instance started:
-- the CSRF key, OAuth state (PKCE verifier), OAuth approvals awaiting confirmation and pending MFA sign-ins.
-- Values that carry credentials (approved tokens, SSO cookies) are sealed by the secret store before they are
-- written here. Expired rows are purged; a kind holds a bounded number of rows.
CREATE TABLE shared_web_state (
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    account_id TEXT,
    value      TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX shared_web_state_expiry ON shared_web_state (expires_at);
