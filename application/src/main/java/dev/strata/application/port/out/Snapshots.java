package dev.strata.application.port.out;

import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Snapshot;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.VolumeId;
import java.util.List;
import java.util.Optional;

/** The snapshots and the nodes that keep their copies. Mutations must run inside a write transaction. */
public interface Snapshots {

    void add(Snapshot snapshot);

    void remove(SnapshotId id);

    Optional<Snapshot> find(SnapshotId id);

    Optional<Snapshot> findByAlias(TenantId tenant, String alias);

    /** The volume's snapshots, oldest first. */
    List<Snapshot> ofVolume(VolumeId volume);

    /** The tenant's snapshots, by id. */
    List<Snapshot> all(TenantId tenant);

    boolean anyOfVolume(VolumeId volume);

    boolean anyInTenant(TenantId tenant);

    /** True while any snapshot keeps a copy on the node. */
    boolean anyCopyOn(NodeId node);
}
