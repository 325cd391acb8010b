-- Developer Program notifications acknowledged to Garmin but not yet filed, so a restart or kill -9 loses none.
-- One row per notification item: body is a one-item notification {"<summaryType>":[item]} as Garmin sent it.
-- not_before is when a worker may take the row next (claimed rows and failed attempts wait); rows are deleted
-- once filed. Only items for a known, agreeing link are ever written.
CREATE TABLE garmin_partner_notifications (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('ping', 'push')),
    body        TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  BIGINT NOT NULL
);
CREATE INDEX garmin_partner_notifications_due ON garmin_partner_notifications (not_before);
