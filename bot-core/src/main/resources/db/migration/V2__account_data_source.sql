-- Where an account's runs come from: 'none' until the runner tries the sample athlete or links a source.
ALTER TABLE accounts ADD COLUMN data_source TEXT NOT NULL DEFAULT 'none';
