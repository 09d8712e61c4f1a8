package dev.strata.application.port.in.task;

import dev.strata.domain.access.Principal;
import dev.strata.domain.host.HostId;
import dev.strata.domain.task.Task;
import dev.strata.domain.task.TaskId;
import java.util.List;
import java.util.Optional;

/** {@code GET /tasks[?taskId=|?hostId=]}: one task, a host's tasks, or all; {@code taskId} wins. */
public interface ListTasksUseCase {

    /** An unknown task or host is NotExists. */
    List<Task> list(Principal caller, Optional<TaskId> task, Optional<HostId> host);
}
