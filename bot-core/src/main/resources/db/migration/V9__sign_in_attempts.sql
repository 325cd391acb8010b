-- Credential attempts relayed to Garmin's sign-in, counted per subject in a sliding window so every instance
-- sees the same counts. subject is 'link:', 'account:', 'login:' or 'address:' followed by a SHA-256 (never a
-- raw e-mail address or IP address). Rows older than the longest window are purged.
CREATE TABLE sign_in_attempts (
    subject      TEXT NOT NULL,
    attempted_at BIGINT NOT NULL
);
CREATE INDEX sign_in_attempts_subject ON sign_in_attempts (subject, attempted_at);
CREATE INDEX sign_in_attempts_at ON sign_in_attempts (attempted_at);
