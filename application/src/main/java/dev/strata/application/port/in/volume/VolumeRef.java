package dev.strata.application.port.in.volume;

import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.VolumeId;
import java.util.Objects;
import java.util.Optional;

/** A volume as a request names it: by id, in the tenant the path names (if any). */
public record VolumeRef(Optional<TenantId> tenant, VolumeId id) {

    public VolumeRef {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(id);
    }
}
