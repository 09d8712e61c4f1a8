package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Volume;

/** Grows a volume (never shrinks it) or renames it. Needs VOLUME_WRITE. */
public interface ChangeVolumeUseCase {

    Volume change(Principal caller, ChangeVolumeCommand command);
}
