package dev.strata.application.port.out;

import dev.strata.domain.host.HostId;
import dev.strata.domain.task.Task;
import dev.strata.domain.task.TaskId;
import dev.strata.domain.task.TaskType;
import dev.strata.domain.volume.VolumeId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The task queue of the hosts' agents. Mutations must run inside a write transaction. At most one
 * {@code RemoteMigration} per volume is IDLE or RUNNING: adding a second fails, whatever instance
 * adds it.
 */
public interface Tasks {

    void add(Task task);

    /** Stores the task's changed state, progress, status and tags. */
    void update(Task task);

    void remove(TaskId id);

    Optional<Task> find(TaskId id);

    /** The host's tasks, oldest first. */
    List<Task> ofHost(HostId host);

    /** Every task, oldest first. */
    List<Task> all();

    /** The volume's tasks of this type that are IDLE or RUNNING, oldest first. */
    List<Task> active(VolumeId volume, TaskType type);

    /** Every IDLE or RUNNING task of this type, oldest first. */
    List<Task> active(TaskType type);

    /** Drops the tasks that ended before {@code cutoff}; returns how many. */
    int removeEndedBefore(Instant cutoff);
}
