-- Host agents (API.md §5, "Host agents"): what a host says of its paths, one target name per host,
-- the task queue between Strata and the hosts' agents, and the events hosts forward. Times in epoch
-- milliseconds.

-- What the last probe said: native NVMe multipath, and the nsids in use on the host
-- (comma-separated, ascending; '' for none).
ALTER TABLE hosts ADD COLUMN multipath INTEGER NOT NULL DEFAULT 0 CHECK (multipath IN (0, 1));
ALTER TABLE hosts ADD COLUMN used_nsids TEXT NOT NULL DEFAULT '';

-- A target's name is now one per host, the same on every node, so it is no longer unique. A target
-- made before keeps its stored per-node name (hosts stay connected to it) until it empties and goes;
-- the next one made for that (host, node) takes the host's name. SQLite cannot drop a UNIQUE
-- constraint, so the table is rebuilt; its namespaces step aside meanwhile, since they refer to it.
CREATE TABLE namespaces_aside AS SELECT host_id, node_id, nsid, replica_id, volume_id FROM namespaces;
DELETE FROM namespaces;

CREATE TABLE targets_rebuilt (
    host_id    TEXT    NOT NULL REFERENCES hosts (id),
    node_id    TEXT    NOT NULL REFERENCES nodes (id),
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (host_id, node_id)
) STRICT, WITHOUT ROWID;

INSERT INTO targets_rebuilt (host_id, node_id, name, created_at)
    SELECT host_id, node_id, name, created_at FROM targets;
DROP TABLE targets;
ALTER TABLE targets_rebuilt RENAME TO targets;
CREATE INDEX targets_by_node ON targets (node_id);

INSERT INTO namespaces (host_id, node_id, nsid, replica_id, volume_id)
    SELECT host_id, node_id, nsid, replica_id, volume_id FROM namespaces_aside;
DROP TABLE namespaces_aside;

-- The task queue: work for a host's agent. taskStatus and statusDescription are '' until the host
-- sets them; end_date 0 until the task ends. volume_id is the volume the task is about (none for
-- SetPollingRate); no foreign key, so a task outlives its volume.
CREATE TABLE tasks (
    id                 TEXT    NOT NULL PRIMARY KEY,
    host_id            TEXT    NOT NULL REFERENCES hosts (id) ON DELETE CASCADE,
    type               TEXT    NOT NULL,
    state              TEXT    NOT NULL,
    task_status        TEXT    NOT NULL,
    status_description TEXT    NOT NULL,
    progress           REAL    NOT NULL CHECK (progress BETWEEN 0 AND 100),
    start_date         INTEGER NOT NULL,
    end_date           INTEGER NOT NULL,
    stoppable          INTEGER NOT NULL CHECK (stoppable IN (0, 1)),
    volume_id          TEXT,
    -- a migration's replica being replaced and the one Strata placed for it, apart from the tags
    -- the host may rewrite
    replaced_replica   TEXT,
    placed_replica     TEXT
) STRICT;

CREATE INDEX tasks_by_host ON tasks (host_id, start_date, id);
CREATE INDEX tasks_by_volume ON tasks (volume_id, type, state);
CREATE INDEX tasks_by_end ON tasks (end_date) WHERE end_date > 0;
-- One migration in flight per volume, whatever several instances do at once: the last word on
-- "one repair per volume at a time".
CREATE UNIQUE INDEX tasks_one_migration ON tasks (volume_id)
    WHERE type = 'RemoteMigration' AND state IN ('IDLE', 'RUNNING');

CREATE TABLE task_tags (
    task_id  TEXT    NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT    NOT NULL,
    value    TEXT    NOT NULL,
    PRIMARY KEY (task_id, position)
) STRICT, WITHOUT ROWID;

-- Events hosts forward (POST /forward_log), for operators to read.
CREATE TABLE host_events (
    id           INTEGER NOT NULL PRIMARY KEY,
    time         INTEGER NOT NULL,
    host         TEXT    NOT NULL,
    logging_type TEXT    NOT NULL,
    level        TEXT    NOT NULL,
    app_name     TEXT    NOT NULL,
    message      TEXT    NOT NULL,
    parameters   TEXT    NOT NULL
) STRICT;
