-- Node agents (API.md §8): node-bound users, each node's generation of desired state, the replicas
-- an agent must remove, and what each agent last reported. Times in epoch milliseconds, sizes in
-- bytes. The same schema as SQLite's V7, in PostgreSQL's types.

-- The storage node a user acts for (its agent's user). Checked by the code when bound; no foreign
-- key, so a removed node leaves a binding to nothing (which grants nothing).
ALTER TABLE users ADD COLUMN node_id TEXT;

-- Grows in the same write transaction as every change to what the node should export.
CREATE TABLE node_generations (
    node_id    TEXT    NOT NULL PRIMARY KEY REFERENCES nodes (id) ON DELETE CASCADE,
    generation BIGINT NOT NULL CHECK (generation >= 1)
);

INSERT INTO node_generations (node_id, generation) SELECT id, 1 FROM nodes;

-- Replicas deleted in Strata whose data the node's agent must remove; forgotten once the agent's
-- report no longer lists them.
CREATE TABLE retired_replicas (
    node_id    TEXT    NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    replica_id TEXT    NOT NULL,
    retired_at BIGINT NOT NULL,
    PRIMARY KEY (node_id, replica_id)
);

-- The last observed report of each node's agent: its heartbeat.
CREATE TABLE node_reports (
    node_id            TEXT    NOT NULL PRIMARY KEY REFERENCES nodes (id) ON DELETE CASCADE,
    reported_at        BIGINT NOT NULL,
    interval_s         BIGINT NOT NULL CHECK (interval_s >= 1),
    agent_version      TEXT    NOT NULL,
    applied_generation BIGINT NOT NULL,
    total_capacity     BIGINT NOT NULL,
    free_capacity      BIGINT NOT NULL
);

CREATE TABLE node_report_subsystems (
    node_id  TEXT    NOT NULL REFERENCES node_reports (node_id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    nqn      TEXT    NOT NULL,
    state    TEXT    NOT NULL,
    message  TEXT    NOT NULL,
    PRIMARY KEY (node_id, position)
);

CREATE TABLE node_report_orphans (
    node_id  TEXT    NOT NULL REFERENCES node_reports (node_id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name     TEXT    NOT NULL,
    PRIMARY KEY (node_id, position)
);
