package dev.strata.application.port.in.tenant;

import dev.strata.domain.access.Principal;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;

/** One tenant; NotExists when unknown. Needs TENANT_READ. */
public interface GetTenantUseCase {

    Tenant get(Principal caller, TenantId id);
}
