-- The browser chat's conversation, so a page reload shows it again (the browser keeps nothing but its cookie).
-- Only the browser chat is kept, only its newest messages (the server trims to a fixed number per browser), and
-- every row hangs off its identity: /logout and /delete remove it with the identity. Portable SQL (SQLite and
-- PostgreSQL); seq orders a browser's messages, created_at is epoch millis; body is the message parts as JSON.
CREATE TABLE web_chat_history (
    platform   TEXT   NOT NULL,
    tenant_id  TEXT   NOT NULL,
    user_id    TEXT   NOT NULL,
    seq        BIGINT NOT NULL,
    author     TEXT   NOT NULL,
    body       TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (platform, tenant_id, user_id, seq),
    FOREIGN KEY (platform, tenant_id, user_id)
        REFERENCES platform_identities (platform, tenant_id, user_id) ON DELETE CASCADE
);
