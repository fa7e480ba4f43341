-- Wrong passwords per account, counted in the database so that the limit on them holds across
-- restarts and across every process sharing the database (an in-memory count held it per process).
-- One row per account key with a live window: the key is the SHA-256 of the e-mail address as
-- typed, trimmed and lower-cased, whether an account has it or not, so the table neither keeps
-- the addresses tried nor tells which of them are accounts. Rows whose window has ended are
-- deleted as sign-ins come.
CREATE TABLE sign_in_failure (
  account_key  text PRIMARY KEY CHECK (account_key ~ '^[0-9a-f]{64}$'),
  -- The first attempt counted in the window: the window ends a fixed time after it.
  window_start timestamptz NOT NULL,
  -- Wrong passwords in the window, and the attempts still being checked (each counted until its
  -- password proves right, so that many at once cannot pass the limit together).
  failures     int NOT NULL CHECK (failures >= 0)
);
CREATE INDEX sign_in_failure_window_start ON sign_in_failure (window_start);
