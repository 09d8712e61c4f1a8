package dev.strata.application.port.in.task;

import dev.strata.domain.access.Principal;
import dev.strata.domain.task.Task;
import java.util.Optional;

/**
 * {@code POST [t]/disconnect}: a DisconnectVolume task for the host's agent; the volume is
 * unpublished when the host reports it FINISHED. Not published to that host: no task.
 */
public interface DisconnectVolumeUseCase {

    Optional<Task> disconnect(Principal caller, HostActionCommand command);
}
