package dev.strata.adapters.rest.provisioner;

import dev.strata.domain.Bytes;
import dev.strata.domain.tenant.Tenant;

/** A tenant as the provisioner dialect shows it; capacities in whole GiB. */
public record TenantJson(String tenantId, String name, long capacity, long consumedCapacity, long totalIOPS,
                         long totalBW) {

    static TenantJson from(Tenant tenant) {
        return new TenantJson(tenant.id().value(), tenant.name(), Bytes.toGiB(tenant.capacity()),
                Bytes.toGiB(Bytes.ceilToGiB(tenant.consumed())), tenant.totalIops(), tenant.totalBandwidth());
    }
}
