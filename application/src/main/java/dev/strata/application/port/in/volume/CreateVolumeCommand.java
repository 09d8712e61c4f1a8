package dev.strata.application.port.in.volume;

import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.VolumeId;
import dev.strata.domain.volume.VolumeSpec;
import java.util.Objects;
import java.util.Optional;

/** A new volume in a tenant, with the id the client chose (or one made up). */
public record CreateVolumeCommand(Optional<TenantId> tenant, Optional<VolumeId> id, VolumeSpec spec) {

    public CreateVolumeCommand {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(id);
        Objects.requireNonNull(spec);
    }
}
