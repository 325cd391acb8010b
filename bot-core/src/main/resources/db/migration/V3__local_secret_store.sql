-- The embedded secret store: a Tink keyset sealed by a key-encryption key kept outside the database, and one
-- ciphertext per (account, name). Nothing here is readable without that key.
CREATE TABLE secret_keysets (
    id         TEXT PRIMARY KEY,
    keyset     TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE secrets (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    ciphertext TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, name)
);
