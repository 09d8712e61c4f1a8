-- Sessions of directory (LDAP) users, who have no row in users: such a session keeps the name the
-- directory knows them by and the Strata roles their groups mapped to at login, as role names
-- joined by ',' (a role name cannot hold one). A session belongs to a local user or to a directory
-- user, never both. SQLite cannot drop NOT NULL in place, so the table is made anew.
CREATE TABLE sessions_v5 (
    id              TEXT    NOT NULL PRIMARY KEY,
    user_id         INTEGER REFERENCES users (id) ON DELETE CASCADE,
    directory_name  TEXT,
    directory_roles TEXT,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    secret_hash     TEXT    NOT NULL UNIQUE,
    CHECK ((user_id IS NULL) = (directory_name IS NOT NULL)),
    CHECK ((directory_name IS NULL) = (directory_roles IS NULL))
) STRICT;

INSERT INTO sessions_v5 (id, user_id, created_at, expires_at, secret_hash)
    SELECT id, user_id, created_at, expires_at, secret_hash FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_v5 RENAME TO sessions;
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
