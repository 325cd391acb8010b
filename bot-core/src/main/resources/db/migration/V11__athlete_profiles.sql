-- What a runner told pace42 about themselves with /profile: the anchors a threshold needs. One row per account,
-- every value optional (NULL = not given), deleted with its account. Portable SQL (SQLite and PostgreSQL).
-- threshold_pace_s_per_km is seconds per kilometre whatever units the runner typed; sex is 'MALE' or 'FEMALE'.
CREATE TABLE athlete_profiles (
    account_id              TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    max_hr                  INTEGER,
    resting_hr              INTEGER,
    lthr                    INTEGER,
    threshold_pace_s_per_km INTEGER,
    birth_year              INTEGER,
    sex                     TEXT,
    updated_at              BIGINT NOT NULL
);
