-- Slack workspaces that installed pace42 through OAuth v2. The bot token is not here: it lives in the secret store
-- under the reserved owner below, one secret per workspace (see RUNBOOK.md, "Slack").
CREATE TABLE slack_installations (
    enterprise_id TEXT NOT NULL,
    team_id       TEXT NOT NULL,
    app_id        TEXT,
    team_name     TEXT,
    bot_id        TEXT,
    bot_user_id   TEXT NOT NULL,
    bot_scope     TEXT,
    installer_id  TEXT,
    installed_at  BIGINT NOT NULL,
    PRIMARY KEY (enterprise_id, team_id)
);

-- OAuth 'state' values of installs in progress: single use, expiring.
CREATE TABLE slack_oauth_states (
    state      TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
