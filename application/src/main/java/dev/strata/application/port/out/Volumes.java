package dev.strata.application.port.out;

import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The volumes with their replicas. Mutations must run inside a write transaction. */
public interface Volumes {

    void add(Volume volume);

    /** Stores the volume's changed alias, size and replicas. */
    void update(Volume volume);

    void remove(VolumeId id);

    Optional<Volume> find(VolumeId id);

    Optional<Volume> findByAlias(TenantId tenant, String alias);

    /**
     * Whether a volume of any tenant has the id, or one of {@code tenant} has the alias: the cheap
     * question a create asks first, since almost every create finds neither.
     */
    boolean anyWithIdOrAlias(Optional<VolumeId> id, TenantId tenant, String alias);

    /** Up to {@code limit} of the tenant's volumes with an id after {@code after}, by id. */
    List<Volume> page(TenantId tenant, Optional<VolumeId> after, int limit);

    /**
     * The tenant's volumes with an id after {@code after}, by id, read from the database as the
     * stream is consumed. The caller must close the stream: it holds a database connection.
     */
    Stream<Volume> stream(TenantId tenant, Optional<VolumeId> after);

    /** The volumes, of any tenant, with a replica on the node, by id. */
    List<Volume> onNode(NodeId node);

    /** How many volumes there are, in all tenants. */
    long count();

    /** How many replicas there are in each state, in all tenants; a state without replicas is absent. */
    Map<ReplicaState, Long> replicasByState();

    /**
     * Up to {@code limit} volumes, in all tenants, by id, that have a replica which is not
     * Available: the faults list, read without scanning every volume.
     */
    List<Volume> degraded(int limit);

    /** How many volumes, in all tenants, have a replica which is not Available. */
    long degradedCount();

    boolean anyInTenant(TenantId tenant);

    /** True while a volume made from the snapshot exists. */
    boolean anyMadeFrom(SnapshotId snapshot);

    /** True while any replica lives on the node. */
    boolean anyReplicaOn(NodeId node);
}
