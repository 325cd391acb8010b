-- Training plans to a race date and the history of every change to them. Portable SQL (SQLite and PostgreSQL);
-- times are epoch millis. body is the plan in coach-engine's PlanCodec text form (sessions in SI units).
-- status: active (followed and tracked), paused (kept, not followed: paused by the runner or by a downgrade),
-- archived (replaced or ended; kept for its history until the account is deleted).
CREATE TABLE training_plans (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status          TEXT NOT NULL CHECK (status IN ('active', 'paused', 'archived')),
    race_date       TEXT NOT NULL,
    race_distance_m DOUBLE PRECISION NOT NULL,
    body            TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX training_plans_account ON training_plans (account_id, status);

-- Every change the coach proposes, with its reason: nothing changes a plan until the runner says yes
-- (status proposed -> applied or declined), and an applied change can be undone (-> undone), restoring before_body.
-- kind: create, replace, adapt, pause, resume, stop. plan_id is empty for a proposed new plan.
CREATE TABLE plan_changes (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    plan_id     TEXT REFERENCES training_plans (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('proposed', 'applied', 'declined', 'undone')),
    before_body TEXT,
    after_body  TEXT,
    created_at  BIGINT NOT NULL,
    decided_at  BIGINT
);
CREATE INDEX plan_changes_account ON plan_changes (account_id, created_at);
