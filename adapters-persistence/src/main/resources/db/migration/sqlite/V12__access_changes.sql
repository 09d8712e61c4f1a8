-- Nothing to change on SQLite: one process writes, and it counts the commits that changed who a
-- credential is in memory. PostgreSQL's V12 makes the sequence every instance counts them in; this
-- one keeps the two schemas at the same version, which `strata db copy` checks.
SELECT 1;
