package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;

/** Removes a replica and gives its space back; never the volume's last serving one. Needs VOLUME_WRITE. */
public interface RemoveReplicaUseCase {

    void remove(Principal caller, ReplicaRef replica);
}
