package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;

/** Deletes a volume and gives its space back; refused while it is published or has snapshots. Needs VOLUME_WRITE. */
public interface DeleteVolumeUseCase {

    void delete(Principal caller, VolumeRef volume);
}
