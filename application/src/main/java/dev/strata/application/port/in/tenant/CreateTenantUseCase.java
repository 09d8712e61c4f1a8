package dev.strata.application.port.in.tenant;

import dev.strata.application.port.in.Created;
import dev.strata.domain.access.Principal;
import dev.strata.domain.tenant.Tenant;

/** Adds a tenant; the same declaration again answers the existing one. Needs TENANT_WRITE. */
public interface CreateTenantUseCase {

    Created<Tenant> create(Principal caller, TenantDeclaration declaration);
}
