package dev.strata.application.port.in.task;

import dev.strata.domain.access.Principal;
import dev.strata.domain.task.Task;

/**
 * A host reports on its task. Another host's task is Forbidden, nothing changed. When the task
 * ends, Strata acts on it: a finished migration's replaced replica becomes Terminating, a failed
 * one's never-synced new replica goes, a finished disconnect unpublishes.
 */
public interface UpdateTaskUseCase {

    Task update(Principal caller, UpdateTaskCommand command);
}
