-- Storage nodes. Capacities in bytes, times in epoch milliseconds.
CREATE TABLE nodes (
    id                   TEXT    NOT NULL PRIMARY KEY,
    number               INTEGER NOT NULL UNIQUE,
    name                 TEXT    NOT NULL,
    mgmt_port            INTEGER NOT NULL,
    rack                 TEXT    NOT NULL,
    zone                 TEXT    NOT NULL,
    region               TEXT    NOT NULL,
    host_id              TEXT    NOT NULL,
    state                TEXT    NOT NULL,
    total_capacity       INTEGER NOT NULL,
    total_iops           INTEGER NOT NULL,
    total_bandwidth      INTEGER NOT NULL,
    allocated_capacity   INTEGER NOT NULL,
    provisioned_capacity INTEGER NOT NULL,
    allocated_iops       INTEGER NOT NULL,
    allocated_bandwidth  INTEGER NOT NULL,
    registered_at        INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    CHECK (allocated_capacity >= 0 AND provisioned_capacity >= 0
           AND allocated_iops >= 0 AND allocated_bandwidth >= 0)
) STRICT;

-- A management address belongs to one node at most: the unique index is the last word on duplicates.
CREATE TABLE node_mgmt_ips (
    node_id  TEXT    NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ip       TEXT    NOT NULL UNIQUE,
    PRIMARY KEY (node_id, position)
) STRICT;

CREATE TABLE node_portals (
    node_id   TEXT    NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    ip        TEXT    NOT NULL,
    port      INTEGER NOT NULL,
    transport TEXT    NOT NULL,
    PRIMARY KEY (node_id, position)
) STRICT;

-- Monotonic counters, such as the next node number (numbers are never reused).
CREATE TABLE counters (
    name  TEXT    NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT;

CREATE TABLE audit_log (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    time        INTEGER NOT NULL,
    request_id  TEXT    NOT NULL,
    user_name   TEXT    NOT NULL,
    auth_method TEXT    NOT NULL,
    source_ip   TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    outcome     TEXT    NOT NULL
) STRICT;
