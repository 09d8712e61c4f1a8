package dev.strata.application.port.in.tenant;

import dev.strata.domain.access.Principal;
import dev.strata.domain.tenant.TenantId;

/** Removes a tenant; HasVolumes while it owns any volume or snapshot. Needs TENANT_WRITE. */
public interface DeleteTenantUseCase {

    void delete(Principal caller, TenantId id);
}
