package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;

/** One page of the tenant's volumes, by id. Needs VOLUME_READ. */
public interface ListVolumesUseCase {

    VolumePage page(Principal caller, ListVolumesQuery query);
}
