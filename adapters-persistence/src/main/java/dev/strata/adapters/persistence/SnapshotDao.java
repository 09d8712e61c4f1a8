package dev.strata.adapters.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SnapshotRow.class)
@RegisterConstructorMapper(SnapshotCopyRow.class)
interface SnapshotDao {

    String COLUMNS = "id, tenant_id, alias, volume_id, capacity, reserved_pct, created_at";

    @SqlUpdate("INSERT INTO snapshots (" + COLUMNS + ") VALUES (:id, :tenantId, :alias, :volumeId, :capacity,"
            + " :reservedPct, :createdAt)")
    void insert(@BindMethods SnapshotRow row);

    @SqlBatch("INSERT INTO snapshot_copies (snapshot_id, node_id, position) VALUES (:snapshotId, :nodeId, :position)")
    void insertCopies(@BindMethods List<SnapshotCopyRow> rows);

    @SqlUpdate("DELETE FROM snapshots WHERE id = :id")
    int delete(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM snapshots WHERE id = :id")
    Optional<SnapshotRow> find(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM snapshots WHERE tenant_id = :tenant AND alias = :alias")
    Optional<SnapshotRow> findByAlias(@Bind("tenant") String tenant, @Bind("alias") String alias);

    @SqlQuery("SELECT " + COLUMNS + " FROM snapshots WHERE volume_id = :volume ORDER BY created_at, id")
    List<SnapshotRow> ofVolume(@Bind("volume") String volume);

    @SqlQuery("SELECT " + COLUMNS + " FROM snapshots WHERE tenant_id = :tenant ORDER BY id")
    List<SnapshotRow> all(@Bind("tenant") String tenant);

    @SqlQuery("SELECT snapshot_id, node_id, position FROM snapshot_copies WHERE snapshot_id IN (<ids>)"
            + " ORDER BY snapshot_id, position")
    List<SnapshotCopyRow> copies(@BindList("ids") List<String> ids);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM snapshots WHERE volume_id = :volume)")
    boolean anyOfVolume(@Bind("volume") String volume);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM snapshots WHERE tenant_id = :tenant)")
    boolean anyInTenant(@Bind("tenant") String tenant);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM snapshot_copies WHERE node_id = :node)")
    boolean anyCopyOn(@Bind("node") String node);
}
