-- Where a runner runs, for weather answers: set by /location (a geocoded town, or the last run's start once the
-- runner accepts it). location_choices holds what /location offered and waits for a pick (an ambiguous name's
-- candidates, or a proposed run start), for minutes. Coordinates are personal data: they stay in these rows and
-- never go into a log line. Every row hangs off its account: deleting an account deletes them.
CREATE TABLE home_locations (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    region     TEXT NOT NULL,
    country    TEXT NOT NULL,
    latitude   DOUBLE PRECISION NOT NULL,
    longitude  DOUBLE PRECISION NOT NULL,
    time_zone  TEXT NOT NULL,
    set_at     BIGINT NOT NULL
);
CREATE TABLE location_choices (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    choice_no  INTEGER NOT NULL,
    name       TEXT NOT NULL,
    region     TEXT NOT NULL,
    country    TEXT NOT NULL,
    latitude   DOUBLE PRECISION NOT NULL,
    longitude  DOUBLE PRECISION NOT NULL,
    time_zone  TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, choice_no)
);
