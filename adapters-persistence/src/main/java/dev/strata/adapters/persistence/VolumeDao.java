package dev.strata.adapters.persistence;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes and small questions; the reads that assemble volumes are in {@link VolumeQueries}. */
interface VolumeDao {

    String COLUMNS = "id, tenant_id, alias, capacity, provisioning, reserved_pct, protocol, num_replicas, racks, zones,"
            + " regions, same_rack_allowed, block_size, max_iops_per_gb, desired_iops_per_gb, max_bw_per_gb,"
            + " desired_bw_per_gb, max_replica_down_time, class_name, snapshot_id, writable, created_at";

    @SqlUpdate("UPDATE volumes SET alias = :alias, capacity = :capacity WHERE id = :id")
    int update(@BindMethods VolumeRow row);

    @SqlUpdate("DELETE FROM volumes WHERE id = :id")
    int delete(@Bind("id") String id);

    @SqlQuery("SELECT id FROM replicas WHERE volume_id = :volumeId")
    List<String> replicaIds(@Bind("volumeId") String volumeId);

    record ReplicaNode(String id, String nodeId) {
    }

    @SqlQuery("SELECT id, node_id FROM replicas WHERE volume_id = :volumeId")
    @RegisterConstructorMapper(ReplicaNode.class)
    List<ReplicaNode> replicaNodes(@Bind("volumeId") String volumeId);

    @SqlQuery("SELECT capacity FROM volumes WHERE id = :id")
    java.util.Optional<Long> capacity(@Bind("id") String id);

    @SqlUpdate("DELETE FROM replicas WHERE id = :id")
    void deleteReplica(@Bind("id") String id);

    @SqlQuery("SELECT COUNT(*) FROM volumes")
    long count();

    record StateCount(String state, long count) {
    }

    @SqlQuery("SELECT state, COUNT(*) AS count FROM replicas GROUP BY state")
    @RegisterConstructorMapper(StateCount.class)
    List<StateCount> replicaCounts();

    @SqlQuery("SELECT COUNT(DISTINCT volume_id) FROM replicas WHERE state <> 'AVAILABLE'")
    long degradedCount();

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM volumes WHERE tenant_id = :tenant)")
    boolean anyInTenant(@Bind("tenant") String tenant);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM volumes WHERE snapshot_id = :snapshot)")
    boolean anyMadeFrom(@Bind("snapshot") String snapshot);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM replicas WHERE node_id = :node)")
    boolean anyReplicaOn(@Bind("node") String node);
}
