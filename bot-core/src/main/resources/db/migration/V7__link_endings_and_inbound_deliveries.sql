-- Why a one-time link stopped working, so its page can say "already used" or "replaced by a newer link".
-- NULL on rows ended before this column existed; they read as "used".
ALTER TABLE link_tokens ADD COLUMN ended_by TEXT CHECK (ended_by IN ('used', 'replaced'));

-- Platform deliveries already handled (Telegram update ids, Slack event ids, Discord interaction ids), shared by
-- every instance so a redelivery is answered once even when another instance took the first delivery.
CREATE TABLE inbound_deliveries (
    platform    TEXT NOT NULL,
    delivery_id TEXT NOT NULL,
    seen_at     BIGINT NOT NULL,
    PRIMARY KEY (platform, delivery_id)
);
CREATE INDEX inbound_deliveries_seen_at ON inbound_deliveries (seen_at);
