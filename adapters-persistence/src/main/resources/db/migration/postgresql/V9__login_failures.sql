-- The lockout's memory (issue 11): failed password checks per account name, known or not (lower
-- case, as the throttle keys it), and the locks they lead to, in the database so that every
-- instance on it counts the same failures. Times in epoch milliseconds. The same schema as
-- SQLite's V9, in PostgreSQL's types. (V8 is another change's.)

CREATE TABLE login_failures (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account   TEXT   NOT NULL,
    failed_at BIGINT NOT NULL
);
CREATE INDEX login_failures_by_account ON login_failures (account, failed_at);

CREATE TABLE login_locks (
    account      TEXT   NOT NULL PRIMARY KEY,
    locked_until BIGINT NOT NULL
);
