package dev.strata.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.host.Host;
import dev.strata.domain.host.HostDetails;
import dev.strata.domain.host.HostId;
import dev.strata.domain.host.HostNqn;
import dev.strata.domain.task.Tag;
import dev.strata.domain.task.Task;
import dev.strata.domain.task.TaskChange;
import dev.strata.domain.task.TaskId;
import dev.strata.domain.task.TaskState;
import dev.strata.domain.task.TaskType;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.VolumeId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of {@code Tasks} must do. Runs against the in-memory fake, SQLite and PostgreSQL. */
public abstract class TasksContract {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00.123Z");

    protected abstract Ports ports();

    private final HostId alpha = new HostId("alpha");
    private final HostId beta = new HostId("beta");

    @BeforeEach
    void registerTwoHosts() {
        ports().transactions().write(() -> {
            for (HostId id : List.of(alpha, beta)) {
                ports().hosts().add(Host.register(id, new HostDetails(new HostNqn("nqn.2014-08.com.example:" + id),
                        id.value(), "Agent", "1.0", Duration.ofSeconds(30)), NOW));
            }
        });
    }

    private Task stored(HostId host, TaskType type, Optional<VolumeId> volume, Instant at) {
        Task task = Task.create(TaskId.generate(), host, type, List.of(new Tag("volId",
                        volume.map(VolumeId::value).orElse("")), new Tag("volumeAlias", "db-1")), volume,
                Optional.of(ReplicaId.generate()), Optional.of(ReplicaId.generate()), at);
        ports().transactions().write(() -> ports().tasks().add(task));
        return task;
    }

    @Test
    void keepsEveryFieldOfATaskWithItsTagsInOrder() {
        VolumeId volume = VolumeId.generate();
        Task task = stored(alpha, TaskType.REMOTE_MIGRATION, Optional.of(volume), NOW);

        Task read = ports().transactions().read(() -> ports().tasks().find(task.id())).orElseThrow();
        assertThat(read.host()).isEqualTo(alpha);
        assertThat(read.type()).isEqualTo(TaskType.REMOTE_MIGRATION);
        assertThat(read.state()).isEqualTo(TaskState.IDLE);
        assertThat(read.taskStatus()).isEmpty();
        assertThat(read.statusDescription()).isEmpty();
        assertThat(read.progress()).isZero();
        assertThat(read.startDate()).isEqualTo(NOW);
        assertThat(read.endDate()).isEmpty();
        assertThat(read.tags()).containsExactlyElementsOf(task.tags());
        assertThat(read.volume()).contains(volume);
        assertThat(read.replaced()).isEqualTo(task.replaced());
        assertThat(read.placed()).isEqualTo(task.placed());
    }

    @Test
    void storesAReportWithFractionalProgressAndReplacedTags() {
        Task task = stored(alpha, TaskType.CONNECT_VOLUME, Optional.of(VolumeId.generate()), NOW);
        task.apply(new TaskChange(Optional.of(TaskState.FINISHED), Optional.of(33.25), Optional.of("Success"),
                Optional.of("all good"), Optional.of(List.of(new Tag("path", "/dev/md/db-1"),
                        new Tag("connectedLocation1", "node-a")))), NOW.plusSeconds(3));
        ports().transactions().write(() -> ports().tasks().update(task));

        Task read = ports().transactions().read(() -> ports().tasks().find(task.id())).orElseThrow();
        assertThat(read.state()).isEqualTo(TaskState.FINISHED);
        assertThat(read.progress()).isEqualTo(33.25);
        assertThat(read.taskStatus()).isEqualTo("Success");
        assertThat(read.statusDescription()).isEqualTo("all good");
        assertThat(read.endDate()).contains(NOW.plusSeconds(3));
        assertThat(read.tags()).extracting(Tag::name).containsExactly("path", "connectedLocation1");
    }

    @Test
    void listsByHostOldestFirstAndFindsTheActiveOnesOfAVolume() {
        VolumeId volume = VolumeId.generate();
        Task second = stored(alpha, TaskType.CONNECT_VOLUME, Optional.of(volume), NOW.plusSeconds(1));
        Task first = stored(alpha, TaskType.REMOTE_MIGRATION, Optional.of(volume), NOW);
        Task other = stored(beta, TaskType.SET_POLLING_RATE, Optional.empty(), NOW);

        assertThat(ports().transactions().read(() -> ports().tasks().ofHost(alpha))).extracting(Task::id)
                .containsExactly(first.id(), second.id());
        assertThat(ports().transactions().read(() -> ports().tasks().all())).hasSize(3);
        assertThat(ports().transactions().read(() -> ports().tasks().active(volume, TaskType.REMOTE_MIGRATION)))
                .extracting(Task::id).containsExactly(first.id());
        assertThat(ports().transactions().read(() -> ports().tasks().active(TaskType.SET_POLLING_RATE)))
                .extracting(Task::id).containsExactly(other.id());

        first.apply(new TaskChange(Optional.of(TaskState.FAILED), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), NOW);
        ports().transactions().write(() -> ports().tasks().update(first));
        assertThat(ports().transactions().read(() -> ports().tasks().active(volume, TaskType.REMOTE_MIGRATION)))
                .isEmpty();
    }

    @Test
    void refusesASecondMigrationInFlightForOneVolume() {
        VolumeId volume = VolumeId.generate();
        stored(alpha, TaskType.REMOTE_MIGRATION, Optional.of(volume), NOW);
        assertThatThrownBy(() -> stored(alpha, TaskType.REMOTE_MIGRATION, Optional.of(volume), NOW))
                .isInstanceOf(RuntimeException.class);
        assertThat(ports().transactions().read(() -> ports().tasks().all())).hasSize(1);
    }

    @Test
    void removesATaskAndDropsTheOnesEndedBeforeACutoff() {
        Task idle = stored(alpha, TaskType.CONNECT_VOLUME, Optional.of(VolumeId.generate()), NOW);
        Task old = stored(alpha, TaskType.CONNECT_VOLUME, Optional.of(VolumeId.generate()), NOW);
        old.apply(new TaskChange(Optional.of(TaskState.FINISHED), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), NOW);
        ports().transactions().write(() -> ports().tasks().update(old));
        Task gone = stored(beta, TaskType.CONNECT_VOLUME, Optional.of(VolumeId.generate()), NOW);

        ports().transactions().write(() -> ports().tasks().remove(gone.id()));
        int dropped = ports().transactions().write(() -> ports().tasks().removeEndedBefore(NOW.plusSeconds(1)));

        assertThat(dropped).isEqualTo(1);
        assertThat(ports().transactions().read(() -> ports().tasks().all())).extracting(Task::id)
                .containsExactly(idle.id());
    }

    @Test
    void keepsHostEventsInOrderWithTheirTextAndPagesThem() {
        for (int i = 1; i <= 3; i++) {
            int n = i;
            ports().transactions().write(() -> ports().hostEvents().append(new dev.strata.domain.host.HostEvent(0,
                    NOW.plusSeconds(n), "compute-1", "EVENT", "ERROR", "nvmeof_agent", "leg " + n + " failed\non md0",
                    "[\"a\",\"b\"]")));
        }
        var first = ports().transactions().read(() -> ports().hostEvents().page(0, 2));
        assertThat(first).hasSize(2);
        assertThat(first.get(0).message()).isEqualTo("leg 1 failed\non md0");
        assertThat(first.get(0).parameters()).isEqualTo("[\"a\",\"b\"]");
        assertThat(first.get(0).time()).isEqualTo(NOW.plusSeconds(1));
        var rest = ports().transactions().read(() -> ports().hostEvents().page(first.get(1).id(), 2));
        assertThat(rest).extracting(e -> e.message()).containsExactly("leg 3 failed\non md0");
    }
}
