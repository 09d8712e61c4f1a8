-- Hosts, the volumes published to them, and the targets and namespaces that expose them: what each
-- node should export to each host. Times in epoch milliseconds. The tables with a natural key are
-- WITHOUT ROWID: one b-tree each instead of two, so a publish dirties fewer pages per commit.

CREATE TABLE hosts (
    id            TEXT    NOT NULL PRIMARY KEY,
    -- Two hosts with one NQN could not be told apart by the targets that grant it.
    nqn           TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    client_type   TEXT    NOT NULL,
    version       TEXT    NOT NULL,
    duration_s    INTEGER NOT NULL CHECK (duration_s > 0),
    last_probe    INTEGER NOT NULL,
    registered_at INTEGER NOT NULL
) STRICT;

CREATE INDEX hosts_by_name ON hosts (name);

-- V3 made this table as a placeholder that nothing wrote; it gains its host and the exclusive flag.
DROP TABLE volume_publications;

-- A writable volume is published exclusive, to one host at a time: the partial unique index is the
-- last word on that, whatever the code above it does.
CREATE TABLE volume_publications (
    volume_id    TEXT    NOT NULL REFERENCES volumes (id),
    host_id      TEXT    NOT NULL REFERENCES hosts (id),
    exclusive    INTEGER NOT NULL CHECK (exclusive IN (0, 1)),
    published_at INTEGER NOT NULL,
    PRIMARY KEY (volume_id, host_id)
) STRICT, WITHOUT ROWID;

CREATE UNIQUE INDEX volume_publications_one_exclusive ON volume_publications (volume_id) WHERE exclusive = 1;
CREATE INDEX volume_publications_by_host ON volume_publications (host_id);

-- One target per (host, node); its name is derived from both and never changes.
CREATE TABLE targets (
    host_id    TEXT    NOT NULL REFERENCES hosts (id),
    node_id    TEXT    NOT NULL REFERENCES nodes (id),
    name       TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (host_id, node_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX targets_by_node ON targets (node_id);

-- A replica exposed in a target. The primary key keeps nsids unique within a target; the keys to
-- the target and to the publication keep a namespace from outliving either; the key to the replica
-- keeps a replica from vanishing while exposed. Nothing cascades: the code removes in order.
CREATE TABLE namespaces (
    host_id    TEXT    NOT NULL,
    node_id    TEXT    NOT NULL,
    nsid       INTEGER NOT NULL CHECK (nsid BETWEEN 1 AND 1024),
    replica_id TEXT    NOT NULL REFERENCES replicas (id),
    volume_id  TEXT    NOT NULL,
    PRIMARY KEY (host_id, node_id, nsid),
    UNIQUE (host_id, replica_id),
    FOREIGN KEY (host_id, node_id) REFERENCES targets (host_id, node_id),
    FOREIGN KEY (volume_id, host_id) REFERENCES volume_publications (volume_id, host_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX namespaces_by_volume ON namespaces (volume_id, host_id, node_id);
CREATE INDEX namespaces_by_replica ON namespaces (replica_id);
