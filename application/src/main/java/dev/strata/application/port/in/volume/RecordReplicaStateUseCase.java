package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Replica;
import dev.strata.domain.volume.ReplicaState;

/** Records what a host sees of a replica: Available, Missing or Synchronizing. Needs VOLUME_WRITE. */
public interface RecordReplicaStateUseCase {

    Replica record(Principal caller, ReplicaRef replica, ReplicaState state);
}
