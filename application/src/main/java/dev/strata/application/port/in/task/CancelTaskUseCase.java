package dev.strata.application.port.in.task;

import dev.strata.domain.access.Principal;
import dev.strata.domain.host.HostId;
import dev.strata.domain.task.TaskId;
import java.util.Optional;

/** {@code DELETE /tasks?taskId=[&hostId=]}: an IDLE task is cancelled; a RUNNING one is TaskAlreadyRunning. */
public interface CancelTaskUseCase {

    void cancel(Principal caller, TaskId task, Optional<HostId> host);
}
