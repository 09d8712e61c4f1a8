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
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.placement.Reservation;
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

    private final Volumes volumes;
    private final Snapshots snapshots;
    private final Owned<VolumeId, Volume> ownedVolumes;
    private final Owned<SnapshotId, Snapshot> owned;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;
    private final TenantScope scope;
    private final Provisioner provisioner;

    public SnapshotService(Nodes nodes, Tenants tenants, Volumes volumes, Snapshots snapshots, Transactions transactions,
                           Mutations mutations, OvercommitLimit overcommit, InstantSource clock) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.ownedVolumes = Owned.volumes(volumes);
        this.owned = Owned.snapshots(snapshots);
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
                    Optional<Snapshot> repeated = owned.repeated(tenant, command.id(), command.alias(),
                            s -> s.answers(command.alias(), command.volume(), command.reservedSpacePercentage()));
                    if (repeated.isPresent()) {
                        return new Created<>(repeated.get(), false);
                    }
                    Volume volume = ownedVolumes.get(tenant, command.volume());
                    Snapshot snapshot = Snapshot.take(command.id().orElseGet(SnapshotId::generate), command.alias(),
                            volume, command.reservedSpacePercentage(), clock.instant());
                    Allocation copy = snapshot.copyAllocation();
                    // a snapshot's copy lives beside a replica the node already serves
                    provisioner.reserve(tenant, Reservation.besideHeld(copy, "no room for the "
                            + Bytes.toGiB(copy.capacity()) + " GiB reserve of a snapshot of volume " + volume.id()),
                            snapshot.nodes());
                    snapshots.add(snapshot);
                    return new Created<>(snapshot, true);
                });
    }

    @Override
    public List<Snapshot> list(Principal caller, Optional<TenantId> named) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> snapshots.all(scope.acting(caller, named).id()));
    }

    @Override
    public Snapshot get(Principal caller, SnapshotRef ref) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> owned.get(scope.acting(caller, ref.tenant()), ref.id()));
    }

    @Override
    public Snapshot getByAlias(Principal caller, Optional<TenantId> named, String alias) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> owned.byAlias(scope.acting(caller, named), alias));
    }

    @Override
    public List<Snapshot> ofVolume(Principal caller, VolumeRef ref) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> {
            Volume volume = ownedVolumes.get(scope.acting(caller, ref.tenant()), ref.id());
            return snapshots.ofVolume(volume.id());
        });
    }

    @Override
    public void delete(Principal caller, SnapshotRef ref) {
        mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "snapshot.delete", ref.id().value(), () -> {
            Tenant tenant = scope.acting(caller, ref.tenant());
            Snapshot snapshot = owned.get(tenant, ref.id());
            if (volumes.anyMadeFrom(snapshot.id())) {
                throw new DomainException(ErrorCode.HAS_VOLUMES, "snapshot " + snapshot.id()
                        + " has volumes made from it; delete them first");
            }
            provisioner.release(tenant, snapshot.copyAllocation(), snapshot.nodes());
            snapshots.remove(snapshot.id());
        });
    }

    @Override
    public Created<Volume> createFromSnapshot(Principal caller, VolumeFromSnapshotCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "volume.create_from_snapshot",
                command.snapshot().value(), () -> {
                    Tenant tenant = scope.acting(caller, command.tenant());
                    Snapshot snapshot = owned.get(tenant, command.snapshot());
                    StorageClass source = volumes.find(snapshot.volume()).map(v -> v.spec().storageClass())
                            .orElse(StorageClass.DEFAULT);
                    StorageClass storageClass = source.withNumReplicas(snapshot.nodes().size())
                            .withLimits(command.maxIopsPerGb().orElse(source.maxIopsPerGb()),
                                    command.maxBwPerGb().orElse(source.maxBwPerGb()));
                    VolumeSpec spec = new VolumeSpec(command.alias(), snapshot.capacity(), Provisioning.THIN,
                            command.reservedSpacePercentage(), command.protocol(), storageClass);
                    return provisioner.provision(tenant, command.id(), spec, Optional.of(snapshot.id()),
                            command.writable(), provisioner.onNodes(snapshot.nodes(), "no placement on the snapshot's "
                                    + "backends for replicas needing " + Bytes.toGiB(spec.replicaAllocation().capacity())
                                    + " GiB each"));
                });
    }

    @Override
    public Created<Volume> cloneVolume(Principal caller, CloneVolumeCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "volume.clone", command.source().value(),
                () -> {
                    Tenant tenant = scope.acting(caller, command.tenant());
                    Volume source = ownedVolumes.get(tenant, command.source());
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
                            provisioner.byPolicy(spec));
                });
    }
}
