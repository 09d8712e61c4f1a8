package dev.strata.domain.volume;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.LocationFilter;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.placement.PlacementPolicy;
import dev.strata.domain.placement.PlacementRequest;
import dev.strata.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A volume: a size carved from the pool, held by one to four replicas on distinct nodes, owned by
 * one tenant. Every replica takes {@link #replicaAllocation()} from its node; the volume's tenant
 * is charged the media part of that for each replica.
 */
public final class Volume {

    private final VolumeId id;
    private final TenantId tenant;
    private VolumeSpec spec;
    private final Optional<SnapshotId> origin;
    private final boolean writable;
    private final Instant createdAt;
    private final List<Replica> replicas;

    private Volume(VolumeId id, TenantId tenant, VolumeSpec spec, Optional<SnapshotId> origin, boolean writable,
                   Instant createdAt, List<Replica> replicas) {
        this.id = Objects.requireNonNull(id);
        this.tenant = Objects.requireNonNull(tenant);
        this.spec = Objects.requireNonNull(spec);
        this.origin = Objects.requireNonNull(origin);
        this.writable = writable;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.replicas = new ArrayList<>(replicas);
        Set<NodeId> nodes = new HashSet<>();
        for (Replica replica : replicas) {
            if (!nodes.add(replica.node())) {
                throw new IllegalArgumentException("two replicas of volume " + id + " on node " + replica.node());
            }
        }
        if (replicas.isEmpty() || replicas.size() > StorageClass.MAX_REPLICAS) {
            throw new IllegalArgumentException("a volume has 1 to " + StorageClass.MAX_REPLICAS + " replicas");
        }
    }

    /** A new volume with one Available replica on each of {@code nodes}, which placement chose. */
    public static Volume create(VolumeId id, TenantId tenant, VolumeSpec spec, Optional<SnapshotId> origin,
                                boolean writable, List<NodeId> nodes, Instant now) {
        List<Replica> replicas = nodes.stream()
                .map(node -> new Replica(ReplicaId.generate(), node, ReplicaState.AVAILABLE, now)).toList();
        return new Volume(id, tenant, spec, origin, writable, now, replicas);
    }

    /** For the persistence mapper only: a volume as it was stored. */
    public static Volume restore(VolumeId id, TenantId tenant, VolumeSpec spec, Optional<SnapshotId> origin,
                                 boolean writable, Instant createdAt, List<Replica> replicas) {
        return new Volume(id, tenant, spec, origin, writable, createdAt, replicas);
    }

    /** A copy that shares nothing mutable with this one. */
    public Volume copy() {
        return restore(id, tenant, spec, origin, writable, createdAt, replicas);
    }

    /** True when a request for {@code wanted} (made from {@code from}) is a repeat of the one that made this volume. */
    public boolean answers(VolumeSpec wanted, Optional<SnapshotId> from) {
        return spec.equals(wanted) && origin.equals(from);
    }

    /** What each replica takes from its node. */
    public Allocation replicaAllocation() {
        return spec.replicaAllocation();
    }

    /** What the volume's tenant is charged: the media its replicas take. */
    public long consumedCapacity() {
        return Math.multiplyExact(replicaAllocation().capacity(), (long) replicas.size());
    }

    /**
     * Grows the volume to {@code newCapacity} and returns what each replica's node must give in
     * addition. The same size again changes nothing; a smaller size is refused.
     */
    public Allocation expandTo(long newCapacity) {
        VolumeSpec.requireCapacity("newCapacity", newCapacity);
        if (newCapacity < spec.capacity()) {
            throw DomainException.invalidInput("newCapacity must not be smaller than the volume's "
                    + (spec.capacity() >> 30) + " GiB: volumes only grow");
        }
        Allocation before = replicaAllocation();
        spec = spec.withCapacity(newCapacity);
        return replicaAllocation().minus(before);
    }

    public void rename(String newAlias) {
        spec = spec.withAlias(newAlias);
    }

    /**
     * What placement must find for one more replica among {@code pool}: a node holding none of this
     * volume's replicas, in a rack none of them uses unless {@code sameRackAllowed}. Refused with
     * {@code TooManyReplicas} when the volume already has the most it may.
     */
    public PlacementRequest anotherReplica(List<StorageNode> pool, LocationFilter filter, boolean sameRackAllowed) {
        requireRoomForAnotherReplica();
        Set<NodeId> holders = new HashSet<>(nodes());
        Set<String> usedRacks = new HashSet<>();
        for (StorageNode node : pool) {
            if (holders.contains(node.id())) {
                usedRacks.add(PlacementPolicy.rackOf(node));
            }
        }
        return new PlacementRequest(1, replicaAllocation(), filter, sameRackAllowed, holders, usedRacks);
    }

    /**
     * What placement must find for a replica that replaces {@code replaced}: a node holding none of
     * this volume's replicas (the replaced one stays as the sync source meanwhile), in a rack none of
     * the <em>staying</em> replicas uses unless {@code sameRackAllowed}.
     */
    public PlacementRequest replacementFor(ReplicaId replaced, List<StorageNode> pool, LocationFilter filter,
                                           boolean sameRackAllowed) {
        requireRoomForAnotherReplica();
        Replica going = replica(replaced);
        Set<NodeId> holders = new HashSet<>(nodes());
        Set<String> usedRacks = new HashSet<>();
        for (StorageNode node : pool) {
            if (holders.contains(node.id()) && !node.id().equals(going.node())) {
                usedRacks.add(PlacementPolicy.rackOf(node));
            }
        }
        return new PlacementRequest(1, replicaAllocation(), filter, sameRackAllowed, holders, usedRacks);
    }

    private void requireRoomForAnotherReplica() {
        if (replicas.size() >= StorageClass.MAX_REPLICAS) {
            throw new DomainException(ErrorCode.TOO_MANY_REPLICAS, "volume " + id + " already has "
                    + StorageClass.MAX_REPLICAS + " replicas, the most a volume may have");
        }
    }

    /** Adds a replica on {@code node}, which placement chose; it starts Synchronizing, copying the data. */
    public Replica addReplica(NodeId node, Instant now) {
        requireRoomForAnotherReplica();
        if (nodes().contains(node)) {
            throw new IllegalArgumentException("volume " + id + " already has a replica on node " + node);
        }
        Replica replica = new Replica(ReplicaId.generate(), node, ReplicaState.SYNCHRONIZING, now);
        replicas.add(replica);
        return replica;
    }

    /**
     * Marks a replica for removal. The volume always keeps one replica that is not Terminating, so
     * marking that one is refused.
     */
    public Replica markTerminating(ReplicaId replicaId, Instant now) {
        Replica replica = replica(replicaId);
        if (replica.state() == ReplicaState.TERMINATING) {
            return replica;
        }
        if (serving() <= 1) {
            throw lastReplica();
        }
        return replace(replica.withState(ReplicaState.TERMINATING, now));
    }

    /** Takes a replica away; never the last one that is not Terminating. */
    public Replica removeReplica(ReplicaId replicaId) {
        Replica replica = replica(replicaId);
        if (replica.state() != ReplicaState.TERMINATING && serving() <= 1) {
            throw lastReplica();
        }
        if (replicas.size() == 1) {
            throw lastReplica();
        }
        replicas.remove(replica);
        return replica;
    }

    /** Records what a host sees of a replica; a Terminating replica stays so (409 ReplicaTerminating). */
    public Replica recordState(ReplicaId replicaId, ReplicaState state, Instant now) {
        Replica replica = replica(replicaId);
        if (replica.state() == ReplicaState.TERMINATING && state != ReplicaState.TERMINATING) {
            throw new DomainException(ErrorCode.REPLICA_TERMINATING, "replica " + replicaId + " of volume " + id
                    + " is Terminating and cannot become " + state.label());
        }
        if (replica.state() == state) {
            return replica;
        }
        return replace(replica.withState(state, now));
    }

    private Replica replace(Replica changed) {
        for (int i = 0; i < replicas.size(); i++) {
            if (replicas.get(i).id().equals(changed.id())) {
                replicas.set(i, changed);
                return changed;
            }
        }
        throw new IllegalStateException("replica " + changed.id() + " vanished");
    }

    private long serving() {
        return replicas.stream().filter(r -> r.state() != ReplicaState.TERMINATING).count();
    }

    private DomainException lastReplica() {
        return new DomainException(ErrorCode.LAST_REPLICA,
                "volume " + id + " must keep at least one replica that is not Terminating");
    }

    public Replica replica(ReplicaId replicaId) {
        return replicas.stream().filter(r -> r.id().equals(replicaId)).findFirst()
                .orElseThrow(() -> DomainException.notExists("replica " + replicaId + " of volume " + id
                        + " does not exist"));
    }

    public VolumeState state() {
        return replicas.stream().allMatch(r -> r.state() == ReplicaState.AVAILABLE)
                ? VolumeState.AVAILABLE : VolumeState.DEGRADED;
    }

    public List<NodeId> nodes() {
        return replicas.stream().map(Replica::node).toList();
    }

    public VolumeId id() {
        return id;
    }

    public TenantId tenant() {
        return tenant;
    }

    public VolumeSpec spec() {
        return spec;
    }

    public String alias() {
        return spec.alias();
    }

    public long capacity() {
        return spec.capacity();
    }

    /** The snapshot this volume was made from, if any. */
    public Optional<SnapshotId> origin() {
        return origin;
    }

    public boolean writable() {
        return writable;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Replica> replicas() {
        return List.copyOf(replicas);
    }
}
