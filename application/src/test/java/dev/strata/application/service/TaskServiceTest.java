package dev.strata.application.service;

import static dev.strata.application.mother.HostProbes.aHost;
import static dev.strata.application.mother.NodeDeclarations.aNode;
import static dev.strata.application.mother.VolumeRequests.aVolume;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.application.contract.Ports;
import dev.strata.application.contract.Services;
import dev.strata.application.fake.MutableClock;
import dev.strata.application.mother.HostProbes;
import dev.strata.application.mother.Principals;
import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.host.PublishCommand;
import dev.strata.application.port.in.task.CreateTaskCommand;
import dev.strata.application.port.in.task.HostActionCommand;
import dev.strata.application.port.in.task.MigrateVolumeCommand;
import dev.strata.application.port.in.task.RepairReport;
import dev.strata.application.port.in.task.UpdateTaskCommand;
import dev.strata.application.port.in.volume.AddReplicaCommand;
import dev.strata.application.port.in.volume.ReplicaRef;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Principal;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.Target;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.node.NodeState;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.task.Tag;
import dev.strata.domain.task.Task;
import dev.strata.domain.task.TaskChange;
import dev.strata.domain.task.TaskState;
import dev.strata.domain.task.TaskType;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaState;
import dev.strata.domain.volume.Volume;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskServiceTest {

    private final MutableClock clock = MutableClock.at("2026-12-03T10:00:00Z");
    private final Ports ports = Ports.inMemory();
    private final Services services = Services.over(ports, clock, OvercommitLimit.DEFAULT);
    private final Principal admin = Principals.admin();
    private final Map<String, StorageNode> nodes = new java.util.HashMap<>();
    private HostId host;

    @BeforeEach
    void fourNodesOnThreeRacksAndAHost() {
        for (String[] n : new String[][] {{"a", "r1"}, {"b", "r2"}, {"c", "r1"}, {"d", "r3"}}) {
            nodes.put(n[0], services.nodes().register(admin, aNode().named("node-" + n[0]).inRack(n[1]).build()));
        }
        HostProbes probe = aHost().named("compute-1");
        services.hosts().probe(admin, probe.build());
        host = probe.id();
    }

    /** A new volume whose replicas are all Available, placed by policy (on different racks). */
    private Volume volumeOf(int replicas) {
        var request = replicas == 4 ? aVolume().withReplicas(4).sameRackAllowed() : aVolume().withReplicas(replicas);
        Volume volume = services.volumes().create(admin, request.build()).value();
        for (Replica r : volume.replicas()) {
            services.volumes().record(admin, new ReplicaRef(ref(volume), r.id()), ReplicaState.AVAILABLE);
        }
        return volume(volume);
    }

    private StorageNode node(NodeId id) {
        return nodes.values().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private Volume volume(Volume volume) {
        return ports.transactions().read(() -> ports.volumes().find(volume.id())).orElseThrow();
    }

    private static VolumeRef ref(Volume volume) {
        return new VolumeRef(Optional.empty(), volume.id());
    }

    private void publish(Volume volume) {
        services.publications().publish(admin, new PublishCommand(ref(volume), host));
    }

    private Task migrate(Volume volume, Optional<Replica> replica, Optional<NodeId> destination) {
        return services.tasks().migrate(admin, new MigrateVolumeCommand(ref(volume), replica.map(Replica::id),
                destination));
    }

    private Task report(Task task, TaskState state, String status) {
        return services.tasks().update(admin, new UpdateTaskCommand(task.id(), task.host(), new TaskChange(
                Optional.of(state), Optional.empty(), Optional.ofNullable(status), Optional.empty(),
                Optional.empty())));
    }

    private static ErrorCode refused(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    private String rackOf(NodeId id) {
        return node(id).location().rack();
    }

    @Test
    void migratePlacesTheNewReplicaOnARackNoneOfTheStayingReplicasUsesAndQueuesTheTask() {
        Volume volume = volumeOf(2);
        publish(volume);
        Replica replaced = volume.replicas().get(0);
        Replica staying = volume.replicas().get(1);

        Task task = migrate(volume, Optional.of(replaced), Optional.empty());

        Volume after = volume(volume);
        assertThat(after.replicas()).hasSize(3);
        Replica placed = after.replica(task.placed().orElseThrow());
        assertThat(placed.state()).isEqualTo(ReplicaState.SYNCHRONIZING);
        assertThat(rackOf(placed.node())).isNotEqualTo(rackOf(staying.node()));
        assertThat(placed.node()).isNotIn(replaced.node(), staying.node());
        assertThat(after.replica(replaced.id()).state()).isEqualTo(ReplicaState.AVAILABLE);
        assertThat(task.type()).isEqualTo(TaskType.REMOTE_MIGRATION);
        assertThat(task.host()).isEqualTo(host);
        assertThat(task.tags()).containsExactly(new Tag("volId", volume.id().value()),
                new Tag("replicaId", replaced.id().value()), new Tag("volumeAlias", volume.alias()));
        // exported to the host at once, with an nsid of its own
        List<Target> targets = ports.publications().targets(Optional.of(host), Optional.of(volume.id()));
        assertThat(targets).hasSize(3);
        assertThat(targets.stream().flatMap(t -> t.namespaces().stream()).map(n -> n.nsid()).distinct()).hasSize(3);
    }

    @Test
    void withoutARepIdItReplacesTheReplicaOnANodeThatIsNotAvailableFirst() {
        Volume volume = volumeOf(2);
        publish(volume);
        ports.transactions().write(() -> {
            StorageNode second = ports.nodes().find(volume.replicas().get(1).node()).orElseThrow();
            second.changeState(NodeState.UNAVAILABLE, clock.instant());
            ports.nodes().update(second);
        });

        Task task = migrate(volume, Optional.empty(), Optional.empty());

        assertThat(task.replaced()).contains(volume.replicas().get(1).id());
    }

    @Test
    void refusesAnUnpublishedVolumeASecondMigrationAndAFullVolume() {
        Volume volume = volumeOf(2);
        assertThat(refused(() -> migrate(volume, Optional.empty(), Optional.empty())))
                .isEqualTo(ErrorCode.VOLUME_NOT_PUBLISHED);
        publish(volume);
        migrate(volume, Optional.empty(), Optional.empty());
        assertThat(refused(() -> migrate(volume, Optional.empty(), Optional.empty())))
                .isEqualTo(ErrorCode.TASK_ALREADY_RUNNING);

        Volume full = volumeOf(4);
        services.publications().publish(admin, new PublishCommand(ref(full), host));
        assertThat(refused(() -> migrate(full, Optional.empty(), Optional.empty())))
                .isEqualTo(ErrorCode.TOO_MANY_REPLICAS);
    }

    @Test
    void aDestinationThatDoesNotQualifyIsInsufficientCapacity() {
        Volume volume = volumeOf(2);
        publish(volume);
        Replica replaced = volume.replicas().get(0);
        NodeId staying = volume.replicas().get(1).node();
        // the staying replica's node holds one already; a node on the staying replica's rack does not qualify
        assertThat(refused(() -> migrate(volume, Optional.of(replaced), Optional.of(staying))))
                .isEqualTo(ErrorCode.INSUFFICIENT_CAPACITY);
        NodeId free = nodes.values().stream().map(StorageNode::id).filter(id -> !volume.nodes().contains(id))
                .filter(id -> !rackOf(id).equals(rackOf(staying))).findFirst().orElseThrow();
        Task task = migrate(volume, Optional.of(replaced), Optional.of(free));
        assertThat(volume(volume).replica(task.placed().orElseThrow()).node()).isEqualTo(free);
    }

    @Test
    void whileAMigrationIsInFlightAddingAReplicaAnswersTheOneItPlaced() {
        Volume volume = volumeOf(2);
        publish(volume);
        Task task = migrate(volume, Optional.empty(), Optional.empty());

        Created<Replica> claimed = services.volumes().addOrClaim(admin, new AddReplicaCommand(ref(volume),
                Optional.empty(), Optional.empty()));

        assertThat(claimed.isNew()).isFalse();
        assertThat(claimed.value().id()).isEqualTo(task.placed().orElseThrow());
        assertThat(volume(volume).replicas()).hasSize(3);
    }

    @Test
    void aFinishedMigrationMarksTheReplacedReplicaTerminating() {
        Volume volume = volumeOf(2);
        publish(volume);
        Task task = migrate(volume, Optional.empty(), Optional.empty());
        report(task, TaskState.RUNNING, "Success");

        Task done = report(task, TaskState.FINISHED, "Success");

        assertThat(done.endDate()).contains(clock.instant());
        assertThat(volume(volume).replica(task.replaced().orElseThrow()).state()).isEqualTo(ReplicaState.TERMINATING);
        assertThat(refused(() -> report(task, TaskState.FAILED, null))).isEqualTo(ErrorCode.TASK_ENDED);
        assertThat(report(task, TaskState.FINISHED, null).state()).isEqualTo(TaskState.FINISHED);
    }

    @Test
    void aFailedMigrationRemovesTheNewReplicaThatNeverSynced() {
        Volume volume = volumeOf(2);
        publish(volume);
        Task task = migrate(volume, Optional.empty(), Optional.empty());

        report(task, TaskState.FAILED, "CommunicationError");

        assertThat(volume(volume).replicas()).extracting(Replica::id).doesNotContain(task.placed().orElseThrow());
        assertThat(volume(volume).replicas()).hasSize(2);
        assertThat(ports.publications().targets(Optional.of(host), Optional.of(volume.id()))).hasSize(2);
    }

    @Test
    void connectPublishesAndQueuesOneTaskWhileItIsIdle() {
        Volume volume = volumeOf(2);
        Task first = services.tasks().connect(admin, new HostActionCommand(host, ref(volume)));
        Task again = services.tasks().connect(admin, new HostActionCommand(host, ref(volume)));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.tags()).containsExactly(new Tag("volId", volume.id().value()),
                new Tag("volumeAlias", volume.alias()));
        assertThat(ports.publications().isPublished(volume.id())).isTrue();
    }

    @Test
    void aFinishedDisconnectUnpublishesAndANotPublishedVolumeNeedsNoTask() {
        Volume volume = volumeOf(2);
        assertThat(services.tasks().disconnect(admin, new HostActionCommand(host, ref(volume)))).isEmpty();
        publish(volume);
        Task task = services.tasks().disconnect(admin, new HostActionCommand(host, ref(volume))).orElseThrow();
        assertThat(ports.publications().isPublished(volume.id())).isTrue();

        report(task, TaskState.FINISHED, "Success");

        assertThat(ports.publications().isPublished(volume.id())).isFalse();
        assertThat(ports.publications().targets(Optional.of(host), Optional.empty())).isEmpty();
    }

    @Test
    void anotherHostsReportIsForbiddenAndChangesNothing() {
        Volume volume = volumeOf(2);
        Task task = services.tasks().connect(admin, new HostActionCommand(host, ref(volume)));
        assertThat(refused(() -> services.tasks().update(admin, new UpdateTaskCommand(task.id(), new HostId("other"),
                new TaskChange(Optional.of(TaskState.RUNNING), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()))))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(services.tasks().list(admin, Optional.of(task.id()), Optional.empty()).get(0).state())
                .isEqualTo(TaskState.IDLE);
    }

    @Test
    void anIdleTaskIsCancelledARunningOneIsNot() {
        Volume volume = volumeOf(2);
        Task task = services.tasks().connect(admin, new HostActionCommand(host, ref(volume)));
        Task polling = services.tasks().create(admin, new CreateTaskCommand(host, TaskType.SET_POLLING_RATE,
                List.of(new Tag("pollingRate", "2000"))));
        services.tasks().cancel(admin, polling.id(), Optional.of(host));
        report(task, TaskState.RUNNING, null);
        assertThat(refused(() -> services.tasks().cancel(admin, task.id(), Optional.empty())))
                .isEqualTo(ErrorCode.TASK_ALREADY_RUNNING);
        assertThat(services.tasks().list(admin, Optional.empty(), Optional.of(host))).extracting(Task::id)
                .containsExactly(task.id());
    }

    /** A volume healing after {@code minutes}, all its replicas Available, then its first one Missing. */
    private Volume healingVolume(int replicas, long minutes) {
        var request = aVolume().withReplicas(replicas).healingAfter(minutes);
        Volume volume = services.volumes().create(admin, (replicas == 4 ? request.sameRackAllowed() : request).build())
                .value();
        for (Replica r : volume.replicas()) {
            services.volumes().record(admin, new ReplicaRef(ref(volume), r.id()), ReplicaState.AVAILABLE);
        }
        services.volumes().record(admin, new ReplicaRef(ref(volume), volume.replicas().get(0).id()),
                ReplicaState.MISSING);
        return volume(volume);
    }

    @Test
    void aReplicaMissingPastMaxReplicaDownTimeOfAPublishedVolumeGetsAReplacementThroughAMigration() {
        Volume volume = healingVolume(2, 5);
        publish(volume);
        Replica missing = volume.replicas().get(0);
        Replica staying = volume.replicas().get(1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(services.tasks().heal().migrating()).as("not yet: exactly the allowed time").isEmpty();
        clock.advance(Duration.ofSeconds(1));

        var report = services.tasks().heal();

        assertThat(report.migrating()).containsExactly(volume.id());
        Task task = ports.tasks().active(volume.id(), TaskType.REMOTE_MIGRATION).get(0);
        assertThat(task.replaced()).contains(missing.id());
        Replica placed = volume(volume).replica(task.placed().orElseThrow());
        assertThat(rackOf(placed.node())).isNotEqualTo(rackOf(staying.node()));
        assertThat(placed.node()).isNotIn(missing.node(), staying.node());
        assertThat(services.tasks().heal().migrating()).as("one repair per volume at a time").isEmpty();
        assertThat(services.tasks().counts().started()).isEqualTo(1);
        report(task, TaskState.FINISHED, "Success");
        assertThat(services.tasks().counts().finished()).isEqualTo(1);
        assertThat(volume(volume).replica(missing.id()).state()).isEqualTo(ReplicaState.TERMINATING);
    }

    @Test
    void anUnpublishedVolumeHasItsMissingReplicaReplacedAndRetiredAtOnce() {
        Volume volume = healingVolume(2, 1);
        Replica missing = volume.replicas().get(0);
        clock.advance(Duration.ofMinutes(2));

        assertThat(services.tasks().heal().replaced()).containsExactly(volume.id());

        Volume healed = volume(volume);
        assertThat(healed.replicas()).hasSize(2).extracting(Replica::id).doesNotContain(missing.id());
        assertThat(healed.replicas()).extracting(Replica::node).doesNotContain(missing.node());
        assertThat(ports.tasks().all()).isEmpty();
    }

    @Test
    void zeroNeverHealsAndFourReplicasAreLeftAlone() {
        Volume never = healingVolume(2, 0);
        Volume full = healingVolume(4, 1);
        publish(never);
        clock.advance(Duration.ofDays(30));

        var report = services.tasks().heal();

        assertThat(report.migrating()).isEmpty();
        assertThat(report.replaced()).isEmpty();
        assertThat(report.failed()).isEmpty();
        assertThat(volume(never).replicas()).hasSize(2);
        assertThat(volume(full).replicas()).hasSize(4);
    }

    @Test
    void withNoPlacementTheRepairIsReportedAndTriedAgainLater() {
        Volume volume = healingVolume(2, 1);
        publish(volume);
        // the only nodes left without a replica share the staying replica's rack, or are in Maintenance
        for (StorageNode node : nodes.values()) {
            if (!volume.nodes().contains(node.id())) {
                services.nodes().update(admin, new dev.strata.application.port.in.node.UpdateNodeCommand(node.id(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(NodeState.MAINTENANCE)));
            }
        }
        clock.advance(Duration.ofMinutes(2));

        var report = services.tasks().heal();

        assertThat(report.failed()).extracting(RepairReport.Failure::volume).containsExactly(volume.id());
        assertThat(report.failed().get(0).reason()).startsWith("InsufficientCapacity");
        assertThat(volume(volume).replicas()).hasSize(2);
        assertThat(services.tasks().heal().failed()).as("tried again").hasSize(1);
    }

    @Test
    void aReplacementTheHostAddedItselfIsNotDoubled() {
        Volume volume = healingVolume(2, 1);
        publish(volume);
        services.volumes().add(admin, new AddReplicaCommand(ref(volume), Optional.empty(), Optional.empty()));
        clock.advance(Duration.ofMinutes(2));

        var report = services.tasks().heal();

        assertThat(report.migrating()).isEmpty();
        assertThat(volume(volume).replicas()).hasSize(3);
    }

    @Test
    void twoInstancesOnOneDatabaseStartOneRepairNotTwo() {
        Volume volume = healingVolume(2, 1);
        publish(volume);
        Services other = Services.over(ports, clock, OvercommitLimit.DEFAULT);
        clock.advance(Duration.ofMinutes(2));

        int started = services.tasks().heal().migrating().size() + other.tasks().heal().migrating().size();

        assertThat(started).isEqualTo(1);
        assertThat(ports.tasks().all()).hasSize(1);
    }

    @Test
    void endedTasksAreDroppedAfterSevenDays() {
        Volume volume = volumeOf(2);
        Task task = services.tasks().connect(admin, new HostActionCommand(host, ref(volume)));
        report(task, TaskState.FINISHED, "Success");
        clock.advance(Duration.ofDays(7).plusSeconds(1));

        services.tasks().create(admin, new CreateTaskCommand(host, TaskType.SET_POLLING_RATE,
                List.of(new Tag("pollingRate", "0"))));

        assertThat(services.tasks().list(admin, Optional.empty(), Optional.of(host))).extracting(Task::type)
                .containsExactly(TaskType.SET_POLLING_RATE);
    }
}
