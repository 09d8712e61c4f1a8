package dev.strata.application.port.in.tenant;

import dev.strata.domain.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/** Changes a tenant; an absent field stays as it is. */
public record UpdateTenantCommand(TenantId id, Optional<String> name, Optional<Long> capacity,
                                  Optional<Long> totalIops, Optional<Long> totalBandwidth) {

    public UpdateTenantCommand {
        Objects.requireNonNull(id);
    }
}
