package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Replica;

/** Places one more replica of a volume on a node that holds none of it (at most four). Needs VOLUME_WRITE. */
public interface AddReplicaUseCase {

    Replica add(Principal caller, AddReplicaCommand command);
}
