package dev.strata.application.port.in.task;

import dev.strata.domain.access.Principal;
import dev.strata.domain.task.Task;

/**
 * {@code POST [t]/connect}: publishes the volume to the host as publish does, and asks the host's
 * agent to connect it with a ConnectVolume task (again while one is IDLE: that same task).
 */
public interface ConnectVolumeUseCase {

    Task connect(Principal caller, HostActionCommand command);
}
