package dev.strata.application.port.in.tenant;

import dev.strata.domain.access.Principal;
import dev.strata.domain.tenant.Tenant;

/** Renames a tenant or changes its budget. Needs TENANT_WRITE. */
public interface UpdateTenantUseCase {

    Tenant update(Principal caller, UpdateTenantCommand command);
}
