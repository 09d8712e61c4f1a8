-- Tenants, volumes with their replicas, snapshots with their copies. Capacities in bytes, times in
-- epoch milliseconds. The counters (nodes.allocated_*, tenants.consumed_capacity) change in the same
-- write transaction as the rows they account for.

CREATE TABLE tenants (
    id                TEXT    NOT NULL PRIMARY KEY,
    name              TEXT    NOT NULL,
    capacity          INTEGER NOT NULL,
    total_iops        INTEGER NOT NULL,
    total_bandwidth   INTEGER NOT NULL,
    consumed_capacity INTEGER NOT NULL,
    created_at        INTEGER NOT NULL,
    CHECK (capacity >= 0 AND consumed_capacity >= 0)
) STRICT;

-- The default tenant always exists; its capacity is the pool's, computed from the nodes.
INSERT INTO tenants (id, name, capacity, total_iops, total_bandwidth, consumed_capacity, created_at)
VALUES ('0', 'default', 0, 0, 0, 0, 0);

CREATE TABLE volumes (
    id                    TEXT    NOT NULL PRIMARY KEY,
    tenant_id             TEXT    NOT NULL REFERENCES tenants (id),
    alias                 TEXT    NOT NULL,
    capacity              INTEGER NOT NULL,
    provisioning          TEXT    NOT NULL,
    reserved_pct          INTEGER NOT NULL,
    protocol              TEXT    NOT NULL,
    num_replicas          INTEGER NOT NULL,
    -- location filters: each label followed by a newline (labels hold no control characters)
    racks                 TEXT    NOT NULL,
    zones                 TEXT    NOT NULL,
    regions               TEXT    NOT NULL,
    same_rack_allowed     INTEGER NOT NULL,
    block_size            INTEGER NOT NULL,
    max_iops_per_gb       INTEGER NOT NULL,
    desired_iops_per_gb   INTEGER NOT NULL,
    max_bw_per_gb         INTEGER NOT NULL,
    desired_bw_per_gb     INTEGER NOT NULL,
    max_replica_down_time INTEGER NOT NULL,
    class_name            TEXT    NOT NULL,
    snapshot_id           TEXT    REFERENCES snapshots (id),
    writable              INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    UNIQUE (tenant_id, alias)
) STRICT;

CREATE INDEX volumes_by_tenant ON volumes (tenant_id, id);
CREATE INDEX volumes_by_snapshot ON volumes (snapshot_id) WHERE snapshot_id IS NOT NULL;

-- A node that holds a replica cannot be deleted: the foreign key backs the InUse check.
CREATE TABLE replicas (
    id          TEXT    NOT NULL PRIMARY KEY,
    volume_id   TEXT    NOT NULL REFERENCES volumes (id) ON DELETE CASCADE,
    node_id     TEXT    NOT NULL REFERENCES nodes (id),
    position    INTEGER NOT NULL,
    state       TEXT    NOT NULL,
    state_time  INTEGER NOT NULL,
    UNIQUE (volume_id, node_id)
) STRICT;

CREATE INDEX replicas_by_volume ON replicas (volume_id, position);
CREATE INDEX replicas_by_node ON replicas (node_id);

CREATE TABLE snapshots (
    id           TEXT    NOT NULL PRIMARY KEY,
    tenant_id    TEXT    NOT NULL REFERENCES tenants (id),
    alias        TEXT    NOT NULL,
    volume_id    TEXT    NOT NULL REFERENCES volumes (id),
    capacity     INTEGER NOT NULL,
    reserved_pct INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    UNIQUE (tenant_id, alias)
) STRICT;

CREATE INDEX snapshots_by_volume ON snapshots (volume_id, created_at);

CREATE TABLE snapshot_copies (
    snapshot_id TEXT    NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
    node_id     TEXT    NOT NULL REFERENCES nodes (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, node_id)
) STRICT;

CREATE INDEX snapshot_copies_by_node ON snapshot_copies (node_id);

-- Which volumes are published to which hosts. Publishing arrives with hosts and targets; volume
-- deletion already asks this table, and the foreign key keeps a published volume from vanishing.
CREATE TABLE volume_publications (
    volume_id    TEXT    NOT NULL REFERENCES volumes (id),
    host_id      TEXT    NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (volume_id, host_id)
) STRICT;
