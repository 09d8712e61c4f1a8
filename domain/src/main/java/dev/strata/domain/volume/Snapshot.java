package dev.strata.domain.volume;

import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A point-in-time copy of a volume, kept on the nodes of the volume's replicas. On each of those
 * nodes it reserves {@code reservedSpacePercentage} of the volume's size (rounded up to a whole
 * GiB) for the blocks that change afterwards; that reserve counts against the node and the tenant.
 *
 * @param capacity the volume's size when the snapshot was taken
 * @param nodes    the nodes that hold a copy
 */
public record Snapshot(
        SnapshotId id,
        TenantId tenant,
        String alias,
        VolumeId volume,
        long capacity,
        int reservedSpacePercentage,
        Instant createdAt,
        List<NodeId> nodes) {

    public Snapshot {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenant);
        alias = VolumeSpec.alias(alias);
        Objects.requireNonNull(volume);
        VolumeSpec.requireCapacity("capacity", capacity);
        VolumeSpec.requirePercentage("reservedSpacePercentage", reservedSpacePercentage);
        Objects.requireNonNull(createdAt);
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty() || nodes.stream().distinct().count() != nodes.size()) {
            throw new IllegalArgumentException("a snapshot is kept on one or more distinct nodes");
        }
    }

    /** A snapshot of {@code volume} now, on the nodes of its replicas that are not being taken away. */
    public static Snapshot take(SnapshotId id, String alias, Volume volume, int reservedSpacePercentage, Instant now) {
        List<NodeId> nodes = volume.replicas().stream()
                .filter(r -> r.state() != ReplicaState.TERMINATING)
                .map(Replica::node).toList();
        return new Snapshot(id, volume.tenant(), alias, volume.id(), volume.capacity(), reservedSpacePercentage, now,
                nodes);
    }

    /** True when a request with these values is a repeat of the one that took this snapshot. */
    public boolean answers(String wantedAlias, VolumeId wantedVolume, int wantedPercentage) {
        return alias.equals(wantedAlias) && volume.equals(wantedVolume) && reservedSpacePercentage == wantedPercentage;
    }

    /** What the snapshot takes from each node that holds a copy: media only, nothing promised. */
    public Allocation copyAllocation() {
        return new Allocation(reservedSpace(), 0, 0, 0);
    }

    /** The reserve on each node, bytes. */
    public long reservedSpace() {
        return VolumeSpec.reserve(capacity, reservedSpacePercentage);
    }

    /** What the snapshot's tenant is charged: the reserve on every node that holds a copy. */
    public long consumedCapacity() {
        return Math.multiplyExact(reservedSpace(), (long) nodes.size());
    }
}
