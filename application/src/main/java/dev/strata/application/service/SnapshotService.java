package dev.strata.application.service;

import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.volume.CloneVolumeCommand;
import dev.strata.application.port.in.volume.CloneVolumeUseCase;
import dev.strata.application.port.in.volume.CreateSnapshotCommand;
import dev.strata.application.port.in.volume.CreateSnapshotUseCase;
import dev.strata.application.port.in.volume.CreateVolumeFromSnapshotUseCase;
import dev.strata.application.port.in.volume.DeleteSnapshotUseCase;
import dev.strata.application.port.in.volume.GetSnapshotByAliasUseCase;
import dev.strata.application.port.in.volume.GetSnapshotUseCase;
import dev.strata.application.port.in.volume.ListSnapshotsOfVolumeUseCase;
import dev.strata.application.port.in.volume.ListSnapshotsUseCase;
import dev.strata.application.port.in.volume.SnapshotRef;
import dev.strata.application.port.in.volume.VolumeFromSnapshotCommand;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Snapshots;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.node.Allocation;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Provisioning;
import dev.strata.domain.volume.Snapshot;
import dev.strata.domain.volume.SnapshotId;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Snapshots, and the volumes made from them or cloned from other volumes. A snapshot's reserve on
 * each node that keeps a copy moves the node counters and the tenant's consumption in the same
 * transaction that stores or deletes it.
 */
public final class SnapshotService implements CreateSnapshotUseCase, ListSnapshotsUseCase, GetSnapshotUseCase,
        GetSnapshotByAliasUseCase, ListSnapshotsOfVolumeUseCase, DeleteSnapshotUseCase,
        CreateVolumeFromSnapshotUseCase, CloneVolumeUseCase {

    private final Nodes nodes;
    private final Tenants tenants;
    private final Volumes volumes;
    private final Snapshots snapshots;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;
    private final TenantScope scope;
    private final Provisioner provisioner;

    public SnapshotService(Nodes nodes, Tenants tenants, Volumes volumes, Snapshots snapshots, Transactions transactions,
                           Mutations mutations, double overcommit, InstantSource clock) {
        this.nodes = nodes;
        this.tenants = tenants;
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
        this.scope = new TenantScope(tenants);
        this.provisioner = new Provisioner(nodes, tenants, volumes, overcommit, clock);
    }

    @Override
    public Created<Snapshot> create(Principal caller, CreateSnapshotCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "snapshot.create",
                command.id().map(SnapshotId::value).orElse(command.alias()), () -> {
                    Tenant tenant = scope.acting(caller, command.tenant());
                    Optional<Snapshot> repeated = repeated(tenant, command);
                    if (repeated.isPresent()) {
                        return new Created<>(repeated.get(), false);
                    }
                    Volume volume = ownedVolume(tenant, command.volume());
                    Snapshot snapshot = Snapshot.take(command.id().orElseGet(SnapshotId::generate), command.alias(),
                            volume, command.reservedSpacePercentage(), clock.instant());
                    tenant.charge(snapshot.consumedCapacity());
                    Allocation copy = snapshot.copyAllocation();
                    List<StorageNode> holders = new ArrayList<>();
                    List<String> refusals = new ArrayList<>();
                    for (NodeId id : snapshot.nodes()) {
                        StorageNode node = node(id);
                        node.roomRefusal(copy, provisioner.overcommit())
                                .ifPresent(reason -> refusals.add("backend " + id + " " + reason));
                        holders.add(node);
                    }
                    if (!refusals.isEmpty()) {
                        throw new DomainException(ErrorCode.INSUFFICIENT_CAPACITY, "no room for the "
                                + Bytes.toGiB(copy.capacity()) + " GiB reserve of a snapshot of volume " + volume.id()
                                + ": " + String.join("; ", refusals));
                    }
                    for (StorageNode node : holders) {
                        // a snapshot's copy lives beside a replica the node already serves
                        node.grow(copy, provisioner.overcommit());
                        nodes.update(node);
                    }
                    snapshots.add(snapshot);
                    tenants.update(tenant);
                    return new Created<>(snapshot, true);
                });
    }

    private Optional<Snapshot> repeated(Tenant tenant, CreateSnapshotCommand command) {
        if (command.id().isPresent()) {
            Optional<Snapshot> byId = snapshots.find(command.id().get());
            if (byId.isPresent()) {
                Snapshot existing = byId.get();
                if (existing.tenant().equals(tenant.id())
                        && existing.answers(command.alias(), command.volume(), command.reservedSpacePercentage())) {
                    return byId;
                }
                throw DomainException.alreadyExists("snapshot " + existing.id() + " exists with a different spec");
            }
        }
        Optional<Snapshot> byAlias = snapshots.findByAlias(tenant.id(), command.alias());
        if (byAlias.isPresent()) {
            Snapshot existing = byAlias.get();
            if (command.id().isEmpty()
                    && existing.answers(command.alias(), command.volume(), command.reservedSpacePercentage())) {
                return byAlias;
            }
            throw DomainException.alreadyExists("alias '" + command.alias() + "' belongs to snapshot " + existing.id());
        }
        return Optional.empty();
    }

    @Override
    public List<Snapshot> list(Principal caller, Optional<TenantId> named) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> snapshots.all(scope.acting(caller, named).id()));
    }

    @Override
    public Snapshot get(Principal caller, SnapshotRef ref) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> owned(scope.acting(caller, ref.tenant()), ref.id()));
    }

    @Override
    public Snapshot getByAlias(Principal caller, Optional<TenantId> named, String alias) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> {
            Tenant tenant = scope.acting(caller, named);
            return snapshots.findByAlias(tenant.id(), alias).orElseThrow(() ->
                    DomainException.notExists("tenant " + tenant.id() + " has no snapshot with that alias"));
        });
    }

    @Override
    public List<Snapshot> ofVolume(Principal caller, VolumeRef ref) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> {
            Volume volume = ownedVolume(scope.acting(caller, ref.tenant()), ref.id());
            return snapshots.ofVolume(volume.id());
        });
    }

    @Override
    public void delete(Principal caller, SnapshotRef ref) {
        mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "snapshot.delete", ref.id().value(), () -> {
            Tenant tenant = scope.acting(caller, ref.tenant());
            Snapshot snapshot = owned(tenant, ref.id());
            if (volumes.anyMadeFrom(snapshot.id())) {
                throw new DomainException(ErrorCode.HAS_VOLUMES, "snapshot " + snapshot.id()
                        + " has volumes made from it; delete them first");
            }
            for (NodeId id : snapshot.nodes()) {
                StorageNode node = node(id);
                node.release(snapshot.copyAllocation());
                nodes.update(node);
            }
            tenant.refund(snapshot.consumedCapacity());
            tenants.update(tenant);
            snapshots.remove(snapshot.id());
        });
    }

    @Override
    public Created<Volume> createFromSnapshot(Principal caller, VolumeFromSnapshotCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "volume.create_from_snapshot",
                command.snapshot().value(), () -> {
                    Tenant tenant = scope.acting(caller, command.tenant());
                    Snapshot snapshot = owned(tenant, command.snapshot());
                    StorageClass source = volumes.find(snapshot.volume()).map(v -> v.spec().storageClass())
                            .orElse(StorageClass.DEFAULT);
                    StorageClass storageClass = source.withNumReplicas(snapshot.nodes().size())
                            .withLimits(command.maxIopsPerGb().orElse(source.maxIopsPerGb()),
                                    command.maxBwPerGb().orElse(source.maxBwPerGb()));
                    VolumeSpec spec = new VolumeSpec(command.alias(), snapshot.capacity(), Provisioning.THIN,
                            command.reservedSpacePercentage(), command.protocol(), storageClass);
                    return provisioner.provision(tenant, command.id(), spec, Optional.of(snapshot.id()),
                            command.writable(), snapshot.nodes().size(),
                            provisioner.onNodes(snapshot.nodes(), spec.replicaAllocation()));
                });
    }

    @Override
    public Created<Volume> cloneVolume(Principal caller, CloneVolumeCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "volume.clone", command.source().value(),
                () -> {
                    Tenant tenant = scope.acting(caller, command.tenant());
                    Volume source = ownedVolume(tenant, command.source());
                    long capacity = command.capacity().orElse(source.capacity());
                    if (capacity < source.capacity()) {
                        throw DomainException.invalidInput("capacity must be at least the source volume's "
                                + Bytes.toGiB(source.capacity()) + " GiB");
                    }
                    VolumeSpec from = source.spec();
                    VolumeSpec spec = new VolumeSpec(command.alias(), capacity, from.provisioning(),
                            command.reservedSpacePercentage().orElse(from.reservedSpacePercentage()), from.protocol(),
                            from.storageClass());
                    return provisioner.provision(tenant, command.id(), spec, Optional.empty(), true,
                            spec.storageClass().numReplicas(), provisioner.byPolicy(spec));
                });
    }

    private Snapshot owned(Tenant tenant, SnapshotId id) {
        return snapshots.find(id).filter(s -> s.tenant().equals(tenant.id()))
                .orElseThrow(() -> DomainException.notExists("snapshot " + id + " does not exist"));
    }

    private Volume ownedVolume(Tenant tenant, VolumeId id) {
        return volumes.find(id).filter(v -> v.tenant().equals(tenant.id()))
                .orElseThrow(() -> DomainException.notExists("volume " + id + " does not exist"));
    }

    private StorageNode node(NodeId id) {
        return nodes.find(id).orElseThrow(() -> new IllegalStateException("a snapshot lives on missing node " + id));
    }
}
