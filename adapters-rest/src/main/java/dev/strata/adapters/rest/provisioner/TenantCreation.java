package dev.strata.adapters.rest.provisioner;

import dev.strata.application.port.in.tenant.TenantDeclaration;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import java.util.Optional;

/** {@code POST /tenants}: capacity in GiB, required; the id is generated when absent. */
public record TenantCreation(String tenantId, String name, Long capacity, Long totalIOPS, Long totalBW) {

    TenantDeclaration toDeclaration() {
        if (capacity == null) {
            throw DomainException.invalidInput("capacity is required");
        }
        return new TenantDeclaration(Optional.ofNullable(tenantId).map(TenantId::new), name,
                TenantCreation.budget("capacity", capacity), totalIOPS == null ? 0 : totalIOPS,
                totalBW == null ? 0 : totalBW);
    }

    static long budget(String field, long gib) {
        if (gib < 0) {
            throw DomainException.invalidInput(field + " must not be negative");
        }
        if (gib > Tenant.MAX_BUDGET / Bytes.GIB) {
            throw DomainException.invalidInput(field + " must be at most " + Tenant.MAX_BUDGET / Bytes.GIB + " GiB");
        }
        return gib * Bytes.GIB;
    }
}
