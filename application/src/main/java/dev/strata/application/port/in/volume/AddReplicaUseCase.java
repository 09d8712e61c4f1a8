package dev.strata.application.port.in.volume;

import dev.strata.application.port.in.Created;
import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Replica;

/** Places one more replica of a volume on a node that holds none of it (at most four). Needs VOLUME_WRITE. */
public interface AddReplicaUseCase {

    Replica add(Principal caller, AddReplicaCommand command);

    /**
     * As {@link #add}, except while a migration of the volume is in flight: then nothing is placed
     * and the answer is the replica that migration placed, not new (the host's agent adds a replica
     * itself when it runs a migration).
     */
    default Created<Replica> addOrClaim(Principal caller, AddReplicaCommand command) {
        return new Created<>(add(caller, command), true);
    }
}
