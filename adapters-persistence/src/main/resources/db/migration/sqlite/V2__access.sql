-- Users, roles, sessions and access tokens. Secrets are never stored: passwords as slow salted
-- hashes (PHC strings), tokens as SHA-256. Names are unique without regard to case (name_key).
CREATE TABLE roles (
    name_key    TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL,
    built_in    INTEGER NOT NULL CHECK (built_in IN (0, 1)),
    version     INTEGER NOT NULL
) STRICT;

CREATE TABLE role_privileges (
    role_key  TEXT NOT NULL REFERENCES roles (name_key) ON DELETE CASCADE ON UPDATE CASCADE,
    privilege TEXT NOT NULL,
    PRIMARY KEY (role_key, privilege)
) STRICT;

CREATE TABLE users (
    id            INTEGER NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    name_key      TEXT    NOT NULL UNIQUE,
    password_hash TEXT    NOT NULL,
    enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    tenant_id     TEXT,
    created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE user_roles (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_key TEXT    NOT NULL REFERENCES roles (name_key) ON DELETE CASCADE ON UPDATE CASCADE,
    PRIMARY KEY (user_id, role_key)
) STRICT;
CREATE INDEX user_roles_by_role ON user_roles (role_key, user_id);

CREATE TABLE sessions (
    id          TEXT    NOT NULL PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    secret_hash TEXT    NOT NULL UNIQUE
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- The creator may since have been deleted, so it is not a foreign key.
CREATE TABLE access_tokens (
    id          TEXT    NOT NULL PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    creator_id  INTEGER,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER,
    enabled     INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    secret_hash TEXT    NOT NULL UNIQUE
) STRICT;
CREATE INDEX access_tokens_by_user ON access_tokens (user_id);
