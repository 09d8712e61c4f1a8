package dev.strata.application.port.in.task;

import dev.strata.domain.host.HostId;
import dev.strata.domain.task.TaskChange;
import dev.strata.domain.task.TaskId;
import java.util.Objects;

/** {@code PUT /tasks}: the host reporting on its task. */
public record UpdateTaskCommand(TaskId task, HostId host, TaskChange change) {

    public UpdateTaskCommand {
        Objects.requireNonNull(task);
        Objects.requireNonNull(host);
        Objects.requireNonNull(change);
    }
}
