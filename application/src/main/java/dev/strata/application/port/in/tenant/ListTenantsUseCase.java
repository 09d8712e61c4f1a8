package dev.strata.application.port.in.tenant;

import dev.strata.domain.access.Principal;
import dev.strata.domain.tenant.Tenant;
import java.util.List;

/** The tenants the caller may see, by id; "0" shows the pool's capacity. Needs TENANT_READ. */
public interface ListTenantsUseCase {

    List<Tenant> list(Principal caller);
}
