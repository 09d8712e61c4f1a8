package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.tenant.UpdateTenantCommand;
import dev.strata.domain.tenant.TenantId;
import java.util.Optional;

/** {@code PUT /tenants/{id}}: what is given changes, what is absent stays. Capacity in GiB. */
public record TenantChange(String name, Long capacity, Long totalIOPS, Long totalBW) {

    UpdateTenantCommand toCommand(TenantId id) {
        return new UpdateTenantCommand(id, Optional.ofNullable(name),
                Optional.ofNullable(capacity).map(gib -> TenantCreation.budget("capacity", gib)),
                Optional.ofNullable(totalIOPS), Optional.ofNullable(totalBW));
    }
}
