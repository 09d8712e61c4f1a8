-- A volume's replicas are found through the unique (volume_id, node_id) index, which serves a
-- lookup by volume as well as replicas_by_volume did; the few replicas of one volume are put in
-- position order as they are read. One index fewer is one B-tree page fewer that every create
-- writes and every commit makes durable. Plain SQL: the same on PostgreSQL.
DROP INDEX replicas_by_volume;
