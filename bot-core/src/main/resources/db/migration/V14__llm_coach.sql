-- The LLM coach (module llm-coach). Portable SQL (SQLite and PostgreSQL); times are epoch millis. Every row hangs
-- off its account: deleting an account deletes its conversation, its coach memory and its model usage.

-- The bounded conversation window the model sees: only the runner's turns and the coach's final answers (never
-- tool calls or tool results, which are rebuilt from the analysis each turn). /forget deletes an account's rows.
CREATE TABLE llm_conversation (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    seq        BIGINT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content    TEXT NOT NULL,
    at         BIGINT NOT NULL,
    PRIMARY KEY (account_id, seq)
);

-- What the runner told the coach about themselves and can see and edit with /memory. One row per account.
CREATE TABLE coach_memory (
    account_id     TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    goal_race      TEXT,
    training_phase TEXT,
    injuries       TEXT,
    days_available TEXT,
    updated_at     BIGINT NOT NULL
);

-- Model tokens per account and calendar month (UTC, 'YYYY-MM'): the monthly budget and what /status shows.
CREATE TABLE llm_usage_monthly (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    month      TEXT NOT NULL,
    answers    BIGINT NOT NULL,
    tokens_in  BIGINT NOT NULL,
    tokens_out BIGINT NOT NULL,
    PRIMARY KEY (account_id, month)
);
