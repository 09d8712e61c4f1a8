package dev.strata.application.port.in.volume;

import dev.strata.application.port.in.Created;
import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Volume;

/** Carves a volume out of the pool; the same request again answers the existing volume. Needs VOLUME_WRITE. */
public interface CreateVolumeUseCase {

    Created<Volume> create(Principal caller, CreateVolumeCommand command);
}
