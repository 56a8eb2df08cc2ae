-- Failed portal sign-ins, counted in the database so that every node enforces one limit.
-- attempt_key is a SHA-256 hex of what is counted (the e-mail address as typed, or the client
-- address), never the raw text: people type passwords into the e-mail field.
CREATE TABLE login_attempts (
    attempt_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_started_at BIGINT NOT NULL
);

CREATE INDEX login_attempts_window ON login_attempts (window_started_at);
