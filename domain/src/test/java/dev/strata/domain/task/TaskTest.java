package dev.strata.domain.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.host.HostId;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final Task task = Task.create(TaskId.generate(), new HostId("h1"), TaskType.CONNECT_VOLUME,
            List.of(new Tag("volId", "v1")), Optional.of(VolumeId.generate()), Optional.empty(), Optional.empty(), NOW);

    private static TaskChange state(TaskState state) {
        return new TaskChange(Optional.of(state), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static ErrorCode code(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void startsIdleWithEmptyStatusNoProgressAndNoEnd() {
        assertThat(task.state()).isEqualTo(TaskState.IDLE);
        assertThat(task.taskStatus()).isEmpty();
        assertThat(task.statusDescription()).isEmpty();
        assertThat(task.progress()).isZero();
        assertThat(task.endDate()).isEmpty();
        assertThat(task.stoppable()).isTrue();
    }

    @Test
    void runsThenFinishesAndKeepsFractionsOfProgress() {
        assertThat(task.apply(new TaskChange(Optional.of(TaskState.RUNNING), Optional.of(12.5), Optional.empty(),
                Optional.empty(), Optional.empty()), NOW)).isFalse();
        assertThat(task.progress()).isEqualTo(12.5);
        assertThat(task.stoppable()).isFalse();
        assertThat(task.apply(new TaskChange(Optional.of(TaskState.FINISHED), Optional.of(100.0),
                Optional.of("Success"), Optional.empty(), Optional.of(List.of(new Tag("path", "/dev/md/x")))),
                NOW.plusSeconds(5))).isTrue();
        assertThat(task.endDate()).contains(NOW.plusSeconds(5));
        assertThat(task.succeeded()).isTrue();
        assertThat(task.tags()).containsExactly(new Tag("path", "/dev/md/x"));
    }

    @Test
    void anEndedTaskTakesTheSameStateAgainButRefusesAnother() {
        task.apply(state(TaskState.FAILED), NOW);
        assertThat(task.apply(state(TaskState.FAILED), NOW.plusSeconds(1))).isFalse();
        assertThat(task.endDate()).contains(NOW);
        assertThat(code(() -> task.apply(state(TaskState.FINISHED), NOW))).isEqualTo(ErrorCode.TASK_ENDED);
        assertThat(code(() -> task.apply(state(TaskState.RUNNING), NOW))).isEqualTo(ErrorCode.TASK_ENDED);
    }

    @Test
    void neverGoesBackToIdle() {
        task.apply(state(TaskState.RUNNING), NOW);
        assertThat(code(() -> task.apply(state(TaskState.IDLE), NOW))).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void refusesProgressOutsideZeroToAHundred() {
        for (double bad : new double[] {-1, 100.01, Double.NaN}) {
            assertThatThrownBy(() -> new TaskChange(Optional.empty(), Optional.of(bad), Optional.empty(),
                    Optional.empty(), Optional.empty())).isInstanceOf(DomainException.class);
        }
    }

    @Test
    void onlyAnIdleTaskIsCancellable() {
        task.requireCancellable();
        task.apply(state(TaskState.RUNNING), NOW);
        assertThat(code(task::requireCancellable)).isEqualTo(ErrorCode.TASK_ALREADY_RUNNING);
    }

    @Test
    void parsesStatesAndTypesAndRefusesOthers() {
        assertThat(TaskState.parse("state", "running")).isEqualTo(TaskState.RUNNING);
        assertThat(TaskType.parse("type", "SetPollingRate")).isEqualTo(TaskType.SET_POLLING_RATE);
        assertThatThrownBy(() -> TaskState.parse("state", "DONE")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> TaskId.parse("taskId", "a/b")).isInstanceOf(DomainException.class);
    }
}
