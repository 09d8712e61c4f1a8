package dev.strata.application.service;

import dev.strata.application.port.in.Created;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.placement.CapacityLedger;
import dev.strata.domain.placement.PlacementRequest;
import dev.strata.domain.placement.Reservation;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * What every change to space shares, inside the caller's write transaction: the
 * {@link CapacityLedger} takes or gives back room on the nodes and from the tenant, and the
 * changed nodes and tenant are stored. For a new volume also: answer a repeated request with the
 * existing volume, and store the volume. Node counters, tenant counters and the volume change
 * together or not at all.
 */
final class Provisioner {

    private final Nodes nodes;
    private final Tenants tenants;
    private final Volumes volumes;
    private final Owned<VolumeId, Volume> owned;
    private final CapacityLedger ledger;
    private final InstantSource clock;

    Provisioner(Nodes nodes, Tenants tenants, Volumes volumes, OvercommitLimit overcommit, InstantSource clock) {
        this.nodes = nodes;
        this.tenants = tenants;
        this.volumes = volumes;
        this.owned = Owned.volumes(volumes);
        this.ledger = new CapacityLedger(overcommit);
        this.clock = clock;
    }

    /** Takes the room of a new volume's replicas from the tenant and the nodes, or refuses with 507. */
    interface Placer {
        List<StorageNode> take(Tenant tenant, Allocation each);
    }

    /** Placement by the policy, for a volume that has no nodes yet. */
    Placer byPolicy(VolumeSpec spec) {
        return (tenant, each) -> ledger.place(tenant, nodes.leastUsedFirst(), nodes::all, PlacementRequest.forNewVolume(
                spec.storageClass().numReplicas(), each, spec.storageClass().filter(),
                spec.storageClass().sameRackAllowed()));
    }

    /** Placement on given nodes, each of which must take a new replica; {@code heading} begins the refusal. */
    Placer onNodes(List<NodeId> wanted, String heading) {
        return (tenant, each) -> ledger.reserve(tenant, Reservation.newReplicas(each, heading), wanted,
                nodes::find);
    }

    Created<Volume> provision(Tenant tenant, Optional<VolumeId> requestedId, VolumeSpec spec, Optional<SnapshotId> origin,
                              boolean writable, Placer placer) {
        Optional<Volume> repeated = owned.repeated(tenant, requestedId, spec.alias(), v -> v.answers(spec, origin));
        if (repeated.isPresent()) {
            return new Created<>(repeated.get(), false);
        }
        List<StorageNode> taken = placer.take(tenant, spec.replicaAllocation());
        stored(tenant, taken);
        Volume volume = Volume.create(requestedId.orElseGet(VolumeId::generate), tenant.id(), spec, origin, writable,
                taken.stream().map(StorageNode::id).toList(), clock.instant());
        volumes.add(volume);
        return new Created<>(volume, true);
    }

    /** Places {@code request}'s replicas among {@code pool} and takes their room; the chosen nodes, in order. */
    List<NodeId> place(Tenant tenant, List<StorageNode> pool, PlacementRequest request) {
        List<StorageNode> taken = ledger.place(tenant, pool, request);
        stored(tenant, taken);
        return taken.stream().map(StorageNode::id).toList();
    }

    /** Takes {@code reservation} on the nodes of {@code on}, which hold the change already or will. */
    void reserve(Tenant tenant, Reservation reservation, List<NodeId> on) {
        stored(tenant, ledger.reserve(tenant, reservation, on, nodes::find));
    }

    /** Gives back {@code each} from every node of {@code on} and its media to the tenant. */
    void release(Tenant tenant, Allocation each, List<NodeId> on) {
        List<StorageNode> holders = on.stream().map(this::holder).toList();
        ledger.release(tenant, each, holders);
        stored(tenant, holders);
    }

    private void stored(Tenant tenant, List<StorageNode> changed) {
        changed.forEach(nodes::update);
        tenants.update(tenant);
    }

    private StorageNode holder(NodeId id) {
        return nodes.find(id).orElseThrow(() -> new IllegalStateException("room is held on missing node " + id));
    }
}
