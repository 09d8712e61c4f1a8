package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Replica;

/** Marks a replica Terminating; never the volume's last serving one. Needs VOLUME_WRITE. */
public interface TerminateReplicaUseCase {

    Replica terminate(Principal caller, ReplicaRef replica);
}
