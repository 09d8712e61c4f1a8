package dev.strata.application.service;

import dev.strata.application.port.out.Tenants;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.Principal;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import java.util.Optional;

/**
 * The tenant a request acts on: the one its path names, or the caller's own, or the default; a
 * caller bound to a tenant may name no other (403), and a named tenant must exist (404).
 */
final class TenantScope {

    private final Tenants tenants;

    TenantScope(Tenants tenants) {
        this.tenants = tenants;
    }

    /** Call inside a transaction. */
    Tenant acting(Principal caller, Optional<TenantId> named) {
        TenantId id = caller.tenantScope(named);
        return tenants.find(id).orElseThrow(() -> DomainException.notExists("tenant " + id + " does not exist"));
    }
}
