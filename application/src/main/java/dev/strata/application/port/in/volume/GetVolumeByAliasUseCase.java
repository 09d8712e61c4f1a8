package dev.strata.application.port.in.volume;

import dev.strata.domain.access.Principal;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Volume;
import java.util.Optional;

/** The tenant's volume with this alias; NotExists when there is none. Needs VOLUME_READ. */
public interface GetVolumeByAliasUseCase {

    Volume getByAlias(Principal caller, Optional<TenantId> tenant, String alias);
}
