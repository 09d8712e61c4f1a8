package dev.strata.application.service;

import dev.strata.application.port.in.task.CancelTaskUseCase;
import dev.strata.application.port.in.task.ConnectVolumeUseCase;
import dev.strata.application.port.in.task.HealVolumesUseCase;
import dev.strata.application.port.in.task.RepairReport;
import dev.strata.application.port.in.task.CreateTaskCommand;
import dev.strata.application.port.in.task.CreateTaskUseCase;
import dev.strata.application.port.in.task.DisconnectVolumeUseCase;
import dev.strata.application.port.in.task.HostActionCommand;
import dev.strata.application.port.in.task.ListTasksUseCase;
import dev.strata.application.port.in.task.MigrateVolumeCommand;
import dev.strata.application.port.in.task.MigrateVolumeUseCase;
import dev.strata.application.port.in.task.UpdateTaskCommand;
import dev.strata.application.port.in.task.UpdateTaskUseCase;
import dev.strata.application.port.out.Hosts;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Publications;
import dev.strata.application.port.out.Tasks;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.RequestOrigin;
import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.Publication;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.placement.PlacementRequest;
import dev.strata.domain.task.Tag;
import dev.strata.domain.task.Task;
import dev.strata.domain.task.TaskId;
import dev.strata.domain.task.TaskState;
import dev.strata.domain.task.TaskType;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.StorageClass;
import dev.strata.domain.volume.Volume;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The task queue between Strata and the hosts' agents (API.md §5, "Host agents"), and the actions
 * that fill it: connect, disconnect, migrate_volume. Every change runs in one write transaction
 * with its audit record; when a host reports a task ended, its effect (a replica Terminating or
 * gone, a volume unpublished) is in that same transaction.
 */
public final class TaskService implements ListTasksUseCase, UpdateTaskUseCase, CancelTaskUseCase, CreateTaskUseCase,
        ConnectVolumeUseCase, DisconnectVolumeUseCase, MigrateVolumeUseCase, HealVolumesUseCase {

    /** Volumes looked at per self-healing pass, most degraded first as the port orders them. */
    static final int HEAL_BATCH = 500;

    /** Who self-healing acts as, in the audit log. */
    private static final Principal HEALER = Principal.administrator("strata", AuthMethod.NONE,
            new RequestOrigin("self-healing", ""));

    private final AtomicLong repairsStarted = new AtomicLong();
    private final AtomicLong repairsFinished = new AtomicLong();
    private final AtomicLong repairsFailed = new AtomicLong();

    /** Ended tasks are dropped after this long. */
    public static final Duration ENDED_KEPT = Duration.ofDays(7);

    private final Hosts hosts;
    private final Nodes nodes;
    private final Volumes volumes;
    private final Owned<dev.strata.domain.volume.VolumeId, Volume> owned;
    private final Publications publications;
    private final Tasks tasks;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;
    private final TenantScope scope;
    private final Tenants tenants;
    private final Provisioner provisioner;
    private final Exports exports;

    public TaskService(Hosts hosts, Nodes nodes, Tenants tenants, Volumes volumes, Publications publications,
                       Tasks tasks, Transactions transactions, Mutations mutations, OvercommitLimit overcommit,
                       InstantSource clock) {
        this.hosts = hosts;
        this.nodes = nodes;
        this.tenants = tenants;
        this.volumes = volumes;
        this.owned = Owned.volumes(volumes);
        this.publications = publications;
        this.tasks = tasks;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
        this.scope = new TenantScope(tenants);
        this.provisioner = new Provisioner(nodes, tenants, volumes, overcommit, clock);
        this.exports = new Exports(hosts, publications, clock);
    }

    @Override
    public List<Task> list(Principal caller, Optional<TaskId> task, Optional<HostId> host) {
        caller.require(Privilege.PRIVILEGE_HOST_READ);
        return transactions.read(() -> {
            if (task.isPresent()) {
                return List.of(existing(task.get()));
            }
            if (host.isPresent()) {
                host(host.get());
                return tasks.ofHost(host.get());
            }
            return tasks.all();
        });
    }

    @Override
    public Task update(Principal caller, UpdateTaskCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_HOST_WRITE, "task.update", command.task().value(), () -> {
            Task task = existing(command.task());
            if (!task.host().equals(command.host())) {
                throw new DomainException(ErrorCode.FORBIDDEN, "task " + task.id() + " belongs to another host");
            }
            boolean ended = task.apply(command.change(), clock.instant());
            tasks.update(task);
            if (ended) {
                ended(task);
            }
            return task;
        });
    }

    @Override
    public void cancel(Principal caller, TaskId id, Optional<HostId> host) {
        mutations.perform(caller, Privilege.PRIVILEGE_HOST_WRITE, "task.cancel", id.value(), () -> {
            Task task = existing(id);
            if (host.isPresent() && !task.host().equals(host.get())) {
                throw DomainException.notExists("task " + id + " of host " + host.get() + " does not exist");
            }
            task.requireCancellable();
            tasks.remove(id);
            if (task.type() == TaskType.REMOTE_MIGRATION) {
                withdrawPlaced(task);
            }
        });
    }

    @Override
    public Task create(Principal caller, CreateTaskCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_HOST_WRITE, "task.create", command.host().value(), () -> {
            host(command.host());
            return queue(Task.create(TaskId.generate(), command.host(), command.type(), command.tags(),
                    Optional.empty(), Optional.empty(), Optional.empty(), clock.instant()));
        });
    }

    @Override
    public Task connect(Principal caller, HostActionCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_HOST_WRITE, "volume.connect",
                command.volume().id() + "/" + command.host(), () -> {
                    Volume volume = owned.get(scope.acting(caller, command.volume().tenant()), command.volume().id());
                    Host host = host(command.host());
                    Publication.of(volume, host.id(), publications.ofVolume(volume.id()), clock.instant())
                            .ifPresent(publications::add);
                    exports.expose(volume, host.id());
                    Optional<Task> waiting = idle(volume, host.id(), TaskType.CONNECT_VOLUME);
                    return waiting.orElseGet(() -> queue(volumeTask(host.id(), TaskType.CONNECT_VOLUME, volume)));
                });
    }

    @Override
    public Optional<Task> disconnect(Principal caller, HostActionCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_HOST_WRITE, "volume.disconnect",
                command.volume().id() + "/" + command.host(), () -> {
                    Volume volume = owned.get(scope.acting(caller, command.volume().tenant()), command.volume().id());
                    Host host = host(command.host());
                    boolean published = publications.ofVolume(volume.id()).stream()
                            .anyMatch(p -> p.host().equals(host.id()));
                    if (!published) {
                        return Optional.<Task>empty();
                    }
                    Optional<Task> waiting = idle(volume, host.id(), TaskType.DISCONNECT_VOLUME);
                    return Optional.of(waiting.orElseGet(() -> queue(volumeTask(host.id(),
                            TaskType.DISCONNECT_VOLUME, volume))));
                });
    }

    @Override
    public Task migrate(Principal caller, MigrateVolumeCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_VOLUME_WRITE, "volume.migrate",
                command.volume().id().value(), () -> {
                    Tenant tenant = scope.acting(caller, command.volume().tenant());
                    Volume volume = owned.get(tenant, command.volume().id());
                    return startMigration(tenant, volume, command.replica(), command.destination());
                });
    }

    /**
     * Places a replacement for a replica of a published volume and queues the RemoteMigration task,
     * inside the caller's write transaction. Refused when the volume is not published, has four
     * replicas, or has a migration in flight.
     */
    Task startMigration(Tenant tenant, Volume volume, Optional<ReplicaId> chosen, Optional<NodeId> destination) {
        List<Publication> published = publications.ofVolume(volume.id());
        if (published.isEmpty()) {
            throw new DomainException(ErrorCode.VOLUME_NOT_PUBLISHED, "volume " + volume.id()
                    + " is not published; a migration needs the host that mirrors it");
        }
        if (volume.replicas().size() >= StorageClass.MAX_REPLICAS) {
            throw new DomainException(ErrorCode.TOO_MANY_REPLICAS, "volume " + volume.id() + " already has "
                    + StorageClass.MAX_REPLICAS + " replicas; a migration adds one before the old one goes");
        }
        if (!tasks.active(volume.id(), TaskType.REMOTE_MIGRATION).isEmpty()) {
            throw new DomainException(ErrorCode.TASK_ALREADY_RUNNING, "volume " + volume.id()
                    + " has a migration in flight");
        }
        List<StorageNode> pool = nodes.all();
        Replica replaced = chosen.map(volume::replica).orElseGet(() -> pick(volume, pool));
        Replica placed = place(tenant, volume, replaced, pool, destination);
        HostId host = published.get(0).host();
        Task task = Task.create(TaskId.generate(), host, TaskType.REMOTE_MIGRATION, List.of(
                        new Tag("volId", volume.id().value()), new Tag("replicaId", replaced.id().value()),
                        new Tag("volumeAlias", volume.alias())), Optional.of(volume.id()),
                Optional.of(replaced.id()), Optional.of(placed.id()), clock.instant());
        return queue(task);
    }

    /** A replica on a node that is not Available, else a Missing one, else the first. */
    private static Replica pick(Volume volume, List<StorageNode> pool) {
        Map<NodeId, StorageNode> byId = pool.stream().collect(Collectors.toMap(StorageNode::id, Function.identity()));
        return volume.replicas().stream()
                .filter(r -> byId.containsKey(r.node()) && byId.get(r.node()).state() != NodeState.AVAILABLE)
                .findFirst()
                .or(() -> volume.replicas().stream().filter(r -> r.state() == ReplicaState.MISSING).findFirst())
                .orElse(volume.replicas().get(0));
    }

    /** One new replica, Synchronizing, exported at once to every host the volume is published to. */
    Replica place(Tenant tenant, Volume volume, Replica replaced, List<StorageNode> pool,
                  Optional<NodeId> destination) {
        StorageClass storageClass = volume.spec().storageClass();
        PlacementRequest request = volume.replacementFor(replaced.id(), pool, storageClass.filter(),
                storageClass.sameRackAllowed());
        List<StorageNode> candidates = destination.map(d -> {
            nodes.find(d).orElseThrow(() -> DomainException.notExists("backend " + d + " does not exist"));
            return pool.stream().filter(n -> n.id().equals(d)).toList();
        }).orElse(pool);
        NodeId chosen = provisioner.place(tenant, candidates, request).get(0);
        Replica replica = volume.addReplica(chosen, clock.instant());
        volumes.update(volume);
        exports.replicaAdded(volume, replica);
        return replica;
    }

    /**
     * The replica a migration in flight placed for the volume, if any: while a RemoteMigration is
     * IDLE or RUNNING, {@code POST replica} answers with it instead of placing another.
     */
    static Optional<Replica> claimed(Tasks tasks, Volume volume) {
        for (Task task : tasks.active(volume.id(), TaskType.REMOTE_MIGRATION)) {
            Optional<Replica> placed = task.placed().flatMap(id -> volume.replicas().stream()
                    .filter(r -> r.id().equals(id)).findFirst());
            if (placed.isPresent()) {
                return placed;
            }
        }
        return Optional.empty();
    }

    @Override
    public RepairReport heal() {
        Instant now = clock.instant();
        List<dev.strata.domain.volume.VolumeId> due = transactions.read(() -> volumes.degraded(HEAL_BATCH).stream()
                .filter(v -> dueReplica(v, now).isPresent()).map(Volume::id).toList());
        List<dev.strata.domain.volume.VolumeId> migrating = new ArrayList<>();
        List<dev.strata.domain.volume.VolumeId> replaced = new ArrayList<>();
        List<RepairReport.Failure> failed = new ArrayList<>();
        for (dev.strata.domain.volume.VolumeId id : due) {
            try {
                Optional<Boolean> viaMigration = mutations.perform(HEALER, Privilege.PRIVILEGE_VOLUME_WRITE,
                        "volume.heal", id.value(), () -> repair(id, clock.instant()));
                viaMigration.ifPresent(migration -> {
                    repairsStarted.incrementAndGet();
                    if (migration) {
                        migrating.add(id);
                    } else {
                        repairsFinished.incrementAndGet();
                        replaced.add(id);
                    }
                });
            } catch (DomainException e) {
                repairsFailed.incrementAndGet();
                failed.add(new RepairReport.Failure(id, e.code().code() + ": " + e.description()));
            } catch (RuntimeException e) {
                // one volume's trouble (a lost race retried too often, say) stops no other volume's repair
                repairsFailed.incrementAndGet();
                failed.add(new RepairReport.Failure(id, e.toString()));
            }
        }
        return new RepairReport(migrating, replaced, failed);
    }

    @Override
    public RepairCounts counts() {
        return new RepairCounts(repairsStarted.get(), repairsFinished.get(), repairsFailed.get());
    }

    /**
     * One volume's repair, inside a write that checks everything again (another instance may have
     * repaired it): empty when nothing is due any more; true when a migration was started, false
     * when an unpublished volume's replica was replaced at once.
     */
    private Optional<Boolean> repair(dev.strata.domain.volume.VolumeId id, Instant now) {
        Optional<Volume> found = volumes.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Volume volume = found.get();
        Optional<Replica> missing = dueReplica(volume, now);
        if (missing.isEmpty() || !tasks.active(volume.id(), TaskType.REMOTE_MIGRATION).isEmpty()) {
            return Optional.empty();
        }
        Tenant tenant = tenants.find(volume.tenant()).orElseThrow(() -> new IllegalStateException(
                "volume " + volume.id() + " has no tenant"));
        if (!publications.ofVolume(volume.id()).isEmpty()) {
            startMigration(tenant, volume, Optional.of(missing.get().id()), Optional.empty());
            return Optional.of(true);
        }
        place(tenant, volume, missing.get(), nodes.all(), Optional.empty());
        Replica retired = volume.removeReplica(missing.get().id());
        exports.replicaRemoved(volume, retired);
        provisioner.release(tenant, volume.replicaAllocation(), List.of(retired.node()));
        volumes.update(volume);
        return Optional.of(false);
    }

    /** The volume's replica Missing longer than its maxReplicaDownTime minutes, if repair is allowed. */
    private static Optional<Replica> dueReplica(Volume volume, Instant now) {
        long minutes = volume.spec().storageClass().maxReplicaDownTime();
        if (minutes <= 0 || volume.replicas().size() >= StorageClass.MAX_REPLICAS) {
            return Optional.empty();
        }
        long serving = volume.replicas().stream().filter(r -> r.state() != ReplicaState.TERMINATING).count();
        if (serving > volume.spec().storageClass().numReplicas()) {
            // a replacement stands beside the Missing replica already (the host's agent may add one itself)
            return Optional.empty();
        }
        Instant cutoff = now.minus(Duration.ofMinutes(minutes));
        return volume.replicas().stream().filter(r -> r.state() == ReplicaState.MISSING)
                .filter(r -> r.stateTime().isBefore(cutoff)).findFirst();
    }

    /** What a task's end does, in the same transaction as the report. */
    private void ended(Task task) {
        switch (task.type()) {
            case REMOTE_MIGRATION -> {
                if (task.succeeded()) {
                    repairsFinished.incrementAndGet();
                    retireReplaced(task);
                } else if (task.state() == TaskState.FAILED) {
                    repairsFailed.incrementAndGet();
                    withdrawPlaced(task);
                }
            }
            case DISCONNECT_VOLUME -> {
                if (task.succeeded()) {
                    task.volume().ifPresent(volume -> {
                        if (publications.ofVolume(volume).stream().anyMatch(p -> p.host().equals(task.host()))) {
                            exports.withdraw(volume, task.host());
                            publications.remove(volume, task.host());
                        }
                    });
                }
            }
            default -> {
            }
        }
    }

    /** A finished migration: the replaced replica, still there and not Terminating, becomes Terminating. */
    private void retireReplaced(Task task) {
        Optional<Volume> found = task.volume().flatMap(volumes::find);
        if (found.isEmpty() || task.replaced().isEmpty()) {
            return;
        }
        Volume volume = found.get();
        volume.replicas().stream().filter(r -> r.id().equals(task.replaced().get()))
                .filter(r -> r.state() != ReplicaState.TERMINATING).findFirst().ifPresent(r -> {
                    volume.markTerminating(r.id(), clock.instant());
                    volumes.update(volume);
                });
    }

    /** A failed or cancelled migration: its new replica goes if it never became Available. */
    private void withdrawPlaced(Task task) {
        Optional<Volume> found = task.volume().flatMap(volumes::find);
        if (found.isEmpty() || task.placed().isEmpty()) {
            return;
        }
        Volume volume = found.get();
        Optional<Replica> placed = volume.replicas().stream().filter(r -> r.id().equals(task.placed().get()))
                .filter(r -> r.state() != ReplicaState.AVAILABLE).findFirst();
        if (placed.isEmpty() || volume.replicas().size() <= 1) {
            return;
        }
        Tenant tenant = tenants.find(volume.tenant()).orElseThrow(() -> new IllegalStateException(
                "volume " + volume.id() + " has no tenant"));
        Replica removed = volume.removeReplica(placed.get().id());
        exports.replicaRemoved(volume, removed);
        provisioner.release(tenant, volume.replicaAllocation(), List.of(removed.node()));
        volumes.update(volume);
    }

    private Optional<Task> idle(Volume volume, HostId host, TaskType type) {
        return tasks.active(volume.id(), type).stream()
                .filter(t -> t.host().equals(host) && t.state() == TaskState.IDLE).findFirst();
    }

    private Task volumeTask(HostId host, TaskType type, Volume volume) {
        return Task.create(TaskId.generate(), host, type, List.of(new Tag("volId", volume.id().value()),
                        new Tag("volumeAlias", volume.alias())), Optional.of(volume.id()), Optional.empty(),
                Optional.empty(), clock.instant());
    }

    /** Queues the task, and drops the tasks that ended more than {@link #ENDED_KEPT} ago. */
    private Task queue(Task task) {
        Instant now = clock.instant();
        tasks.removeEndedBefore(now.minus(ENDED_KEPT));
        tasks.add(task);
        return task;
    }

    private Task existing(TaskId id) {
        return tasks.find(id).orElseThrow(() -> DomainException.notExists("task " + id + " does not exist"));
    }

    private Host host(HostId id) {
        return hosts.find(id).orElseThrow(() -> DomainException.notExists("host " + id + " does not exist"));
    }
}
