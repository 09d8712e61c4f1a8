-- The replicas that are not Available, found without reading every replica: the cluster
-- summary counts Degraded volumes and lists them with each fault on every dashboard load, and on
-- 100,000 volumes a scan of the replicas table took 180 ms of the summary's 250 ms. Nearly every
-- replica is Available, so this index stays small. Plain SQL: the same on PostgreSQL.
CREATE INDEX replicas_not_available ON replicas (volume_id) WHERE state <> 'AVAILABLE';
