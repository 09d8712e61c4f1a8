package dev.strata.domain.task;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.host.HostId;
import dev.strata.domain.volume.ReplicaId;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Work for one host's agent, which polls for it, runs it and reports back. Its tags
 * ({@code taskConfiguration}) say what to work on; the host may add to them. A migration also
 * remembers, apart from the tags the host may rewrite, the replica it replaces and the one Strata
 * placed for it.
 */
public final class Task {

    private final TaskId id;
    private final HostId host;
    private final TaskType type;
    private TaskState state;
    private String taskStatus;
    private String statusDescription;
    private double progress;
    private final Instant startDate;
    private Optional<Instant> endDate;
    private final boolean stoppable;
    private List<Tag> tags;
    private final Optional<VolumeId> volume;
    private final Optional<ReplicaId> replaced;
    private final Optional<ReplicaId> placed;

    private Task(TaskId id, HostId host, TaskType type, TaskState state, String taskStatus, String statusDescription,
                 double progress, Instant startDate, Optional<Instant> endDate, boolean stoppable, List<Tag> tags,
                 Optional<VolumeId> volume, Optional<ReplicaId> replaced, Optional<ReplicaId> placed) {
        this.id = Objects.requireNonNull(id);
        this.host = Objects.requireNonNull(host);
        this.type = Objects.requireNonNull(type);
        this.state = Objects.requireNonNull(state);
        this.taskStatus = Objects.requireNonNull(taskStatus);
        this.statusDescription = Objects.requireNonNull(statusDescription);
        this.progress = progress;
        this.startDate = Objects.requireNonNull(startDate);
        this.endDate = Objects.requireNonNull(endDate);
        this.stoppable = stoppable;
        this.tags = List.copyOf(tags);
        this.volume = Objects.requireNonNull(volume);
        this.replaced = Objects.requireNonNull(replaced);
        this.placed = Objects.requireNonNull(placed);
    }

    /** A new task, IDLE, for the host to pick up. Only an IDLE task may be cancelled, so it is stoppable. */
    public static Task create(TaskId id, HostId host, TaskType type, List<Tag> tags, Optional<VolumeId> volume,
                              Optional<ReplicaId> replaced, Optional<ReplicaId> placed, Instant now) {
        return new Task(id, host, type, TaskState.IDLE, "", "", 0, now, Optional.empty(), true, tags, volume,
                replaced, placed);
    }

    /** For the persistence mapper only. */
    public static Task restore(TaskId id, HostId host, TaskType type, TaskState state, String taskStatus,
                               String statusDescription, double progress, Instant startDate,
                               Optional<Instant> endDate, boolean stoppable, List<Tag> tags,
                               Optional<VolumeId> volume, Optional<ReplicaId> replaced, Optional<ReplicaId> placed) {
        return new Task(id, host, type, state, taskStatus, statusDescription, progress, startDate, endDate, stoppable,
                tags, volume, replaced, placed);
    }

    public Task copy() {
        return restore(id, host, type, state, taskStatus, statusDescription, progress, startDate, endDate, stoppable,
                tags, volume, replaced, placed);
    }

    /**
     * Applies what the host reports. A final task takes nothing: the same final state again (or no
     * state) changes nothing; another state is refused with {@code TaskEnded}. A task never goes back
     * to IDLE once running. Returns whether the task has just ended.
     */
    public boolean apply(TaskChange change, Instant now) {
        if (state.isFinal()) {
            if (change.state().isEmpty() || change.state().get() == state) {
                return false;
            }
            throw new DomainException(ErrorCode.TASK_ENDED, "task " + id + " has ended " + state
                    + " and cannot become " + change.state().get());
        }
        if (change.state().orElse(state) == TaskState.IDLE && state == TaskState.RUNNING) {
            throw DomainException.invalidInput("state cannot go back from RUNNING to IDLE");
        }
        change.progress().ifPresent(p -> this.progress = p);
        change.taskStatus().ifPresent(s -> this.taskStatus = s);
        change.statusDescription().ifPresent(s -> this.statusDescription = s);
        change.tags().ifPresent(t -> this.tags = List.copyOf(t));
        TaskState next = change.state().orElse(state);
        this.state = next;
        if (next.isFinal()) {
            this.endDate = Optional.of(now);
            return true;
        }
        return false;
    }

    /** Whether the host reported the task done well: FINISHED with status {@code Success} (or none). */
    public boolean succeeded() {
        return state == TaskState.FINISHED && (taskStatus.isEmpty() || taskStatus.equalsIgnoreCase("Success"));
    }

    public boolean isActive() {
        return !state.isFinal();
    }

    /** Refuses a task that is no longer IDLE: a RUNNING one with TaskAlreadyRunning, an ended one with TaskEnded. */
    public void requireCancellable() {
        if (state == TaskState.RUNNING) {
            throw new DomainException(ErrorCode.TASK_ALREADY_RUNNING, "task " + id + " is RUNNING; it cannot be"
                    + " cancelled");
        }
        if (state.isFinal()) {
            throw new DomainException(ErrorCode.TASK_ENDED, "task " + id + " has ended " + state);
        }
    }

    public Optional<String> tag(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).map(Tag::value).findFirst();
    }

    public TaskId id() {
        return id;
    }

    public HostId host() {
        return host;
    }

    public TaskType type() {
        return type;
    }

    public TaskState state() {
        return state;
    }

    public String taskStatus() {
        return taskStatus;
    }

    public String statusDescription() {
        return statusDescription;
    }

    public double progress() {
        return progress;
    }

    public Instant startDate() {
        return startDate;
    }

    public Optional<Instant> endDate() {
        return endDate;
    }

    public boolean stoppable() {
        return stoppable && state == TaskState.IDLE;
    }

    public List<Tag> tags() {
        return tags;
    }

    public Optional<VolumeId> volume() {
        return volume;
    }

    public Optional<ReplicaId> replaced() {
        return replaced;
    }

    public Optional<ReplicaId> placed() {
        return placed;
    }
}
