package dev.strata.application.port.in.volume;

import dev.strata.application.port.in.Created;
import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Volume;

/** Makes a new volume with another's data, placed afresh; idempotent like a create. Needs VOLUME_WRITE. */
public interface CloneVolumeUseCase {

    Created<Volume> cloneVolume(Principal caller, CloneVolumeCommand command);
}
