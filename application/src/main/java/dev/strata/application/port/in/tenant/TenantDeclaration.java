package dev.strata.application.port.in.tenant;

import dev.strata.domain.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * A new tenant: its id (generated when absent), name, capacity budget in bytes, and IOPS and
 * bandwidth figures. The domain checks the values.
 */
public record TenantDeclaration(Optional<TenantId> id, String name, long capacity, long totalIops,
                                long totalBandwidth) {

    public TenantDeclaration {
        Objects.requireNonNull(id);
    }
}
