package dev.strata.application.port.out;

import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The tenants, the default tenant "0" always among them. Mutations must run inside a write
 * transaction.
 */
public interface Tenants {

    void add(Tenant tenant);

    /** Stores the tenant's changed name, budget, limits and consumption. */
    void update(Tenant tenant);

    void remove(TenantId id);

    Optional<Tenant> find(TenantId id);

    /** All tenants, by id. */
    List<Tenant> all();
}
