-- Counts the commits that changed who a credential is (users, roles, sessions, access tokens,
-- login lockouts), through every instance: the cache of resolved callers is keyed on it, so the
-- writes of ordinary requests (a create, a heartbeat) no longer make every instance resolve every
-- caller again. PostgreSQL only: on SQLite one process writes and counts in memory.
CREATE SEQUENCE strata_access_changes;
