package dev.strata.application.service;

import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.volume.AddReplicaCommand;
import dev.strata.application.port.in.volume.AddReplicaUseCase;
import dev.strata.application.port.in.volume.ChangeVolumeCommand;
import dev.strata.application.port.in.volume.ChangeVolumeUseCase;
import dev.strata.application.port.in.volume.CreateVolumeCommand;
import dev.strata.application.port.in.volume.CreateVolumeUseCase;
import dev.strata.application.port.in.volume.DeleteVolumeUseCase;
import dev.strata.application.port.in.volume.GetVolumeByAliasUseCase;
import dev.strata.application.port.in.volume.GetVolumeUseCase;
import dev.strata.application.port.in.volume.ListVolumesQuery;
import dev.strata.application.port.in.volume.ListVolumesUseCase;
import dev.strata.application.port.in.volume.RecordReplicaStateUseCase;
import dev.strata.application.port.in.volume.RemoveReplicaUseCase;
import dev.strata.application.port.in.volume.ReplicaRef;
import dev.strata.application.port.in.volume.StreamVolumesUseCase;
import dev.strata.application.port.in.volume.TerminateReplicaUseCase;
import dev.strata.application.port.in.volume.VolumePage;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.application.port.out.Hosts;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Publications;
import dev.strata.application.port.out.Snapshots;
import dev.strata.application.port.out.Tasks;
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
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.placement.PlacementRequest;
import dev.strata.domain.placement.Reservation;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.Volume;
import dev.strata.domain.volume.VolumeId;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Volumes and their replicas. Every change to space (create, grow, add or remove a replica,
 * delete) moves the node counters, the tenant's consumption and the volume together, in one write
 * transaction.
 */
public final class VolumeService implements CreateVolumeUseCase, GetVolumeUseCase, GetVolumeByAliasUseCase,
        ListVolumesUseCase, StreamVolumesUseCase, ChangeVolumeUseCase, DeleteVolumeUseCase, AddReplicaUseCase,
        TerminateReplicaUseCase, RemoveReplicaUseCase, RecordReplicaStateUseCase {

    private final Nodes nodes;
    private final Volumes volumes;
    private final Owned<VolumeId, Volume> owned;
    private final Snapshots snapshots;
    private final Publications publications;
    private final Tasks tasks;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;
    private final TenantScope scope;
    private final Provisioner provisioner;
    private final Exports exports;

    public VolumeService(Nodes nodes, Tenants tenants, Volumes volumes, Snapshots snapshots, Hosts hosts,
                         Publications publications, Tasks tasks, Transactions transactions, Mutations mutations,
                         OvercommitLimit overcommit, InstantSource clock) {
        this.tasks = tasks;
        this.nodes = nodes;
        this.volumes = volumes;
        this.owned = Owned.volumes(volumes);
        this.snapshots = snapshots;
        this.publications = publications;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
        this.scope = new TenantScope(tenants);
        this.provisioner = new Provisioner(nodes, tenants, volumes, overcommit, clock);
        this.exports = new Exports(hosts, publications, clock);
    }

    @Override
    public Created<Volume> create(Principal caller, CreateVolumeCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "volume.create",
                command.id().map(VolumeId::value).orElse(command.spec().alias()), () -> {
                    Tenant tenant = scope.acting(caller, command.tenant());
                    return provisioner.provision(tenant, command.id(), command.spec(), Optional.empty(), true,
                            provisioner.byPolicy(command.spec()));
                });
    }

    @Override
    public Volume get(Principal caller, VolumeRef ref) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> owned(caller, ref));
    }

    @Override
    public Volume getByAlias(Principal caller, Optional<TenantId> named, String alias) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> owned.byAlias(scope.acting(caller, named), alias));
    }

    @Override
    public VolumePage page(Principal caller, ListVolumesQuery query) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        return transactions.read(() -> {
            Tenant tenant = scope.acting(caller, query.tenant());
            List<Volume> found = volumes.page(tenant.id(), query.after(), query.limit() + 1);
            boolean more = found.size() > query.limit();
            return new VolumePage(more ? found.subList(0, query.limit()) : found, more);
        });
    }

    @Override
    public Stream<Volume> stream(Principal caller, Optional<TenantId> named, Optional<VolumeId> after) {
        caller.require(Privilege.PRIVILEGE_VOLUME_READ);
        TenantId tenant = transactions.read(() -> scope.acting(caller, named).id());
        return volumes.stream(tenant, after);
    }

    @Override
    public Volume change(Principal caller, ChangeVolumeCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "volume.change",
                command.volume().id().value(), () -> {
                    Tenant tenant = scope.acting(caller, command.volume().tenant());
                    Volume volume = owned.get(tenant, command.volume().id());
                    command.alias().ifPresent(alias -> rename(volume, alias));
                    command.newCapacity().ifPresent(size -> grow(tenant, volume, size));
                    volumes.update(volume);
                    return volume;
                });
    }

    private void rename(Volume volume, String alias) {
        volumes.findByAlias(volume.tenant(), alias).filter(other -> !other.id().equals(volume.id()))
                .ifPresent(other -> {
                    throw DomainException.alreadyExists("alias '" + alias + "' belongs to volume " + other.id());
                });
        volume.rename(alias);
    }

    /** Grows every replica in place: the nodes that hold them must have room, Maintenance or not. */
    private void grow(Tenant tenant, Volume volume, long size) {
        Allocation more = volume.expandTo(size);
        if (more.equals(Allocation.NONE)) {
            return;
        }
        provisioner.reserve(tenant, Reservation.besideHeld(more, "volume " + volume.id() + " cannot grow to "
                + Bytes.toGiB(size) + " GiB"), volume.nodes());
    }

    @Override
    public void delete(Principal caller, VolumeRef ref) {
        mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "volume.delete", ref.id().value(), () -> {
            Tenant tenant = scope.acting(caller, ref.tenant());
            Volume volume = owned.get(tenant, ref.id());
            if (publications.isPublished(volume.id())) {
                throw new DomainException(ErrorCode.VOLUME_PUBLISHED, "volume " + volume.id()
                        + " is published; unpublish it first");
            }
            if (snapshots.anyOfVolume(volume.id())) {
                throw new DomainException(ErrorCode.HAS_SNAPSHOTS, "volume " + volume.id()
                        + " has snapshots; delete them first");
            }
            provisioner.release(tenant, volume.replicaAllocation(), volume.nodes());
            volumes.remove(volume.id());
        });
    }

    @Override
    public Replica add(Principal caller, AddReplicaCommand command) {
        return addOrClaim(caller, command).value();
    }

    @Override
    public Created<Replica> addOrClaim(Principal caller, AddReplicaCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "replica.add",
                command.volume().id().value(), () -> {
                    Tenant tenant = scope.acting(caller, command.volume().tenant());
                    Volume volume = owned.get(tenant, command.volume().id());
                    Optional<Replica> claimed = TaskService.claimed(tasks, volume);
                    if (claimed.isPresent()) {
                        return new Created<>(claimed.get(), false);
                    }
                    StorageClass storageClass = volume.spec().storageClass();
                    List<StorageNode> pool = nodes.all();
                    PlacementRequest another = volume.anotherReplica(pool,
                            command.filter().orElse(storageClass.filter()),
                            command.sameRackAllowed().orElse(storageClass.sameRackAllowed()));
                    NodeId chosen = provisioner.place(tenant, pool, another).get(0);
                    Replica replica = volume.addReplica(chosen, clock.instant());
                    volumes.update(volume);
                    exports.replicaAdded(volume, replica);
                    return new Created<>(replica, true);
                });
    }

    @Override
    public Replica terminate(Principal caller, ReplicaRef ref) {
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "replica.terminate", target(ref), () -> {
            Volume volume = owned(caller, ref.volume());
            Replica replica = volume.markTerminating(ref.id(), clock.instant());
            volumes.update(volume);
            return replica;
        });
    }

    @Override
    public void remove(Principal caller, ReplicaRef ref) {
        mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "replica.remove", target(ref), () -> {
            Tenant tenant = scope.acting(caller, ref.volume().tenant());
            Volume volume = owned.get(tenant, ref.volume().id());
            Replica removed = volume.removeReplica(ref.id());
            exports.replicaRemoved(volume, removed);
            provisioner.release(tenant, volume.replicaAllocation(), List.of(removed.node()));
            volumes.update(volume);
        });
    }

    @Override
    public Replica record(Principal caller, ReplicaRef ref, ReplicaState state) {
        if (state == ReplicaState.TERMINATING) {
            throw DomainException.invalidInput("state must be Available, Missing or Synchronizing");
        }
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "replica.state", target(ref), () -> {
            Volume volume = owned(caller, ref.volume());
            Replica replica = volume.recordState(ref.id(), state, clock.instant());
            volumes.update(volume);
            return replica;
        });
    }

    private static String target(ReplicaRef ref) {
        return ref.volume().id() + "/" + ref.id();
    }

    private Volume owned(Principal caller, VolumeRef ref) {
        return owned.get(scope.acting(caller, ref.tenant()), ref.id());
    }
}
