package dev.strata.adapters.persistence;

import dev.strata.adapters.persistence.PublicationRows.NamespaceRow;
import dev.strata.adapters.persistence.PublicationRows.PublicationRow;
import dev.strata.adapters.persistence.PublicationRows.TargetRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(PublicationRow.class)
@RegisterConstructorMapper(TargetRow.class)
@RegisterConstructorMapper(NamespaceRow.class)
interface PublicationDao {

    String TARGET = "SELECT t.host_id, t.node_id, t.name, t.created_at FROM targets t";
    String NAMESPACE = "SELECT n.host_id, n.node_id, n.nsid, n.replica_id, n.volume_id, v.tenant_id"
            + " FROM namespaces n JOIN volumes v ON v.id = n.volume_id";
    String TARGET_ORDER = " ORDER BY t.host_id, t.name";
    String NAMESPACE_ORDER = " ORDER BY n.host_id, n.node_id, n.nsid";

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM volume_publications WHERE volume_id = :volume)")
    boolean isPublished(@Bind("volume") String volume);

    @SqlQuery("SELECT volume_id, host_id, exclusive, published_at FROM volume_publications WHERE volume_id = :volume"
            + " ORDER BY host_id")
    List<PublicationRow> ofVolume(@Bind("volume") String volume);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM volume_publications WHERE host_id = :host)")
    boolean anyOfHost(@Bind("host") String host);

    @SqlUpdate("INSERT INTO volume_publications (volume_id, host_id, exclusive, published_at)"
            + " VALUES (:volumeId, :hostId, :exclusive, :publishedAt)")
    void insert(@BindMethods PublicationRow row);

    @SqlUpdate("DELETE FROM volume_publications WHERE volume_id = :volume AND host_id = :host")
    int delete(@Bind("volume") String volume, @Bind("host") String host);

    @SqlQuery(TARGET + " WHERE t.host_id = :host AND t.node_id = :node")
    Optional<TargetRow> target(@Bind("host") String host, @Bind("node") String node);

    @SqlQuery(NAMESPACE + " WHERE n.host_id = :host AND n.node_id = :node" + NAMESPACE_ORDER)
    List<NamespaceRow> namespaces(@Bind("host") String host, @Bind("node") String node);

    @SqlUpdate("INSERT INTO targets (host_id, node_id, name, created_at) VALUES (:hostId, :nodeId, :name, :createdAt)"
            + " ON CONFLICT (host_id, node_id) DO NOTHING")
    void insertTarget(@BindMethods TargetRow row);

    @SqlBatch("INSERT INTO namespaces (host_id, node_id, nsid, replica_id, volume_id)"
            + " VALUES (:hostId, :nodeId, :nsid, :replicaId, :volumeId)")
    void insertNamespaces(@BindMethods List<NamespaceRow> rows);

    @SqlBatch("DELETE FROM namespaces WHERE host_id = :hostId AND node_id = :nodeId AND nsid = :nsid")
    void deleteNamespaces(@BindMethods List<NamespaceRow> rows);

    @SqlUpdate("DELETE FROM namespaces WHERE host_id = :host AND node_id = :node")
    int deleteAllNamespaces(@Bind("host") String host, @Bind("node") String node);

    @SqlUpdate("DELETE FROM targets WHERE host_id = :host AND node_id = :node")
    int deleteTarget(@Bind("host") String host, @Bind("node") String node);

    @SqlQuery(TARGET + " WHERE t.host_id = :host" + TARGET_ORDER)
    List<TargetRow> targetsOfHost(@Bind("host") String host);

    @SqlQuery(NAMESPACE + " WHERE n.host_id = :host" + NAMESPACE_ORDER)
    List<NamespaceRow> namespacesOfHost(@Bind("host") String host);

    @SqlQuery(TARGET + " WHERE (t.host_id, t.node_id) IN (SELECT host_id, node_id FROM namespaces"
            + " WHERE volume_id = :volume)" + TARGET_ORDER)
    List<TargetRow> targetsOfVolume(@Bind("volume") String volume);

    @SqlQuery(NAMESPACE + " WHERE (n.host_id, n.node_id) IN (SELECT host_id, node_id FROM namespaces"
            + " WHERE volume_id = :volume)" + NAMESPACE_ORDER)
    List<NamespaceRow> namespacesOfVolume(@Bind("volume") String volume);

    @SqlQuery(TARGET + " WHERE t.host_id = :host AND t.node_id IN (SELECT node_id FROM namespaces"
            + " WHERE volume_id = :volume AND host_id = :host)" + TARGET_ORDER)
    List<TargetRow> targetsOfHostAndVolume(@Bind("host") String host, @Bind("volume") String volume);

    @SqlQuery(NAMESPACE + " WHERE n.host_id = :host AND n.node_id IN (SELECT node_id FROM namespaces"
            + " WHERE volume_id = :volume AND host_id = :host)" + NAMESPACE_ORDER)
    List<NamespaceRow> namespacesOfHostAndVolume(@Bind("host") String host, @Bind("volume") String volume);

    @SqlQuery(TARGET + TARGET_ORDER)
    List<TargetRow> allTargets();

    @SqlQuery(TARGET + " WHERE t.node_id = :node ORDER BY t.name")
    List<TargetRow> targetsOn(@Bind("node") String node);

    @SqlQuery(NAMESPACE + " WHERE n.node_id = :node" + NAMESPACE_ORDER)
    List<NamespaceRow> namespacesOn(@Bind("node") String node);

    @SqlQuery(NAMESPACE + NAMESPACE_ORDER)
    List<NamespaceRow> allNamespaces();

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM targets WHERE node_id = :node)")
    boolean anyTargetOn(@Bind("node") String node);
}
