package dev.strata.application.port.in.task;

import dev.strata.domain.access.Principal;
import dev.strata.domain.task.Task;

public interface CreateTaskUseCase {

    Task create(Principal caller, CreateTaskCommand command);
}
