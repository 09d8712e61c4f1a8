package dev.strata.application.port.in.task;

import dev.strata.domain.access.Principal;
import dev.strata.domain.task.Task;

/**
 * Replaces one replica of a published volume: places a new one on a rack none of the staying
 * replicas uses (or on the destination node), exports it to the host, and gives the host a
 * RemoteMigration task to sync it in.
 */
public interface MigrateVolumeUseCase {

    Task migrate(Principal caller, MigrateVolumeCommand command);
}
