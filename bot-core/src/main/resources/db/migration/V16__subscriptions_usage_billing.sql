-- Subscription tiers, coach questions per month and the billing webhook's idempotency ledger. Portable SQL
-- (SQLite and PostgreSQL); times are epoch millis. An account without a row is on the free tier.
-- status: active, past_due (access until paid_until, which a failed payment caps at a 7-day grace), cancelled
-- (access until paid_until, no renewal), refunded (access ended). last_event_at orders billing events: an event
-- older than the last one applied is skipped, because providers deliver out of order.
CREATE TABLE subscriptions (
    account_id    TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    tier          TEXT NOT NULL CHECK (tier IN ('free', 'premium')),
    status        TEXT NOT NULL,
    paid_until    BIGINT,
    source        TEXT NOT NULL,
    last_event_at BIGINT,
    updated_at    BIGINT NOT NULL
);

-- Coach questions answered per account and UTC month (counted after a successful answer; never contents).
CREATE TABLE coach_usage_monthly (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    month      TEXT NOT NULL,
    questions  BIGINT NOT NULL,
    PRIMARY KEY (account_id, month)
);

-- Billing events already handled, by the provider's event id: a redelivery changes nothing. No account id and no
-- body are kept here, so the ledger holds nothing personal.
CREATE TABLE billing_events (
    event_id    TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
