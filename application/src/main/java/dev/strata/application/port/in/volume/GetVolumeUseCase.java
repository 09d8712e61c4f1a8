package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;
import dev.strata.domain.volume.Volume;

/** One volume of the tenant; NotExists when unknown there. Needs VOLUME_READ. */
public interface GetVolumeUseCase {

    Volume get(Principal caller, VolumeRef volume);
}
