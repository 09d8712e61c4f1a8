package dev.strata.application.service;

import dev.strata.application.port.in.Created;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.placement.PlacementPolicy;
import dev.strata.domain.placement.PlacementRequest;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every way of making a volume shares, inside the caller's write transaction: answer a
 * repeated request with the existing volume, charge the tenant, place the replicas, take their
 * space from the nodes, and store the volume. Node counters, tenant counters and the volume change
 * together or not at all.
 */
final class Provisioner {

    private final Nodes nodes;
    private final Tenants tenants;
    private final Volumes volumes;
    private final double overcommit;
    private final InstantSource clock;

    Provisioner(Nodes nodes, Tenants tenants, Volumes volumes, double overcommit, InstantSource clock) {
        this.nodes = nodes;
        this.tenants = tenants;
        this.volumes = volumes;
        this.overcommit = overcommit;
        this.clock = clock;
    }

    double overcommit() {
        return overcommit;
    }

    /** Chooses the nodes of a new volume's replicas among all nodes, or refuses with 507. */
    interface Placer extends Function<List<StorageNode>, List<NodeId>> {
    }

    /** Placement by the policy, for a volume that has no nodes yet. */
    Placer byPolicy(VolumeSpec spec) {
        return all -> PlacementPolicy.place(all, PlacementRequest.forNewVolume(spec.storageClass().numReplicas(),
                spec.replicaAllocation(), spec.storageClass().filter(), spec.storageClass().sameRackAllowed(),
                overcommit)).nodesOrThrow();
    }

    /** Placement on given nodes, each of which must take the replica, or 507 saying which do not. */
    Placer onNodes(List<NodeId> wanted, Allocation allocation) {
        return all -> {
            Map<NodeId, StorageNode> byId = all.stream().collect(Collectors.toMap(StorageNode::id, n -> n));
            List<String> refusals = new ArrayList<>();
            for (NodeId id : wanted) {
                StorageNode node = byId.get(id);
                if (node == null) {
                    refusals.add("backend " + id + " is gone");
                } else {
                    node.refusal(allocation, overcommit).ifPresent(reason -> refusals.add("backend " + id + " " + reason));
                }
            }
            if (!refusals.isEmpty()) {
                throw new DomainException(ErrorCode.INSUFFICIENT_CAPACITY, "no placement on the snapshot's backends for "
                        + "replicas needing " + Bytes.toGiB(allocation.capacity()) + " GiB each: "
                        + String.join("; ", refusals));
            }
            return wanted;
        };
    }

    Created<Volume> provision(Tenant tenant, Optional<VolumeId> requestedId, VolumeSpec spec, Optional<SnapshotId> origin,
                              boolean writable, int replicas, Placer placer) {
        Optional<Volume> repeated = repeated(tenant, requestedId, spec, origin);
        if (repeated.isPresent()) {
            return new Created<>(repeated.get(), false);
        }
        Allocation each = spec.replicaAllocation();
        tenant.charge(Math.multiplyExact(each.capacity(), (long) replicas));
        List<StorageNode> all = nodes.all();
        List<NodeId> chosen = placer.apply(all);
        Map<NodeId, StorageNode> byId = all.stream().collect(Collectors.toMap(StorageNode::id, n -> n));
        for (NodeId id : chosen) {
            StorageNode node = byId.get(id);
            node.reserve(each, overcommit);
            nodes.update(node);
        }
        Volume volume = Volume.create(requestedId.orElseGet(VolumeId::generate), tenant.id(), spec, origin, writable,
                chosen, clock.instant());
        volumes.add(volume);
        tenants.update(tenant);
        return new Created<>(volume, true);
    }

    /**
     * The volume an earlier, equal request made, if this request repeats one. A uuid or an alias
     * that belongs to a different volume is refused with AlreadyExists.
     */
    private Optional<Volume> repeated(Tenant tenant, Optional<VolumeId> requestedId, VolumeSpec spec,
                                      Optional<SnapshotId> origin) {
        if (requestedId.isPresent()) {
            Optional<Volume> byId = volumes.find(requestedId.get());
            if (byId.isPresent()) {
                Volume existing = byId.get();
                if (existing.tenant().equals(tenant.id()) && existing.answers(spec, origin)) {
                    return byId;
                }
                throw DomainException.alreadyExists("volume " + existing.id() + " exists with a different spec");
            }
        }
        Optional<Volume> byAlias = volumes.findByAlias(tenant.id(), spec.alias());
        if (byAlias.isPresent()) {
            Volume existing = byAlias.get();
            if (requestedId.isEmpty() && existing.answers(spec, origin)) {
                return byAlias;
            }
            throw DomainException.alreadyExists("alias '" + spec.alias() + "' belongs to volume " + existing.id());
        }
        return Optional.empty();
    }
}
