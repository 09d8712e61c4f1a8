package dev.strata.adapters.persistence;

import dev.strata.application.port.out.Tenants;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Tenants} over one table; the migration stores the default tenant. */
final class JdbiTenants implements Tenants {

    private final JdbiTransactions transactions;

    JdbiTenants(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Tenant tenant) {
        transactions.writeHandle().dao(TenantDao.class).insert(toRow(tenant));
    }

    @Override
    public void update(Tenant tenant) {
        if (transactions.writeHandle().dao(TenantDao.class).update(toRow(tenant)) != 1) {
            throw new IllegalStateException("tenant " + tenant.id() + " does not exist");
        }
    }

    @Override
    public void remove(TenantId id) {
        transactions.writeHandle().dao(TenantDao.class).delete(id.value());
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return transactions.withHandle(h -> h.dao(TenantDao.class).find(id.value()).map(JdbiTenants::toTenant));
    }

    @Override
    public List<Tenant> all() {
        return transactions.withHandle(h -> h.dao(TenantDao.class).all().stream().map(JdbiTenants::toTenant)
                .toList());
    }

    private static TenantRow toRow(Tenant tenant) {
        // the default tenant's capacity is the pool's, computed, never stored
        return new TenantRow(tenant.id().value(), tenant.name(), tenant.isDefault() ? 0 : tenant.capacity(),
                tenant.totalIops(), tenant.totalBandwidth(), tenant.consumed(), tenant.createdAt().toEpochMilli());
    }

    private static Tenant toTenant(TenantRow row) {
        return Tenant.restore(new TenantId(row.id()), row.name(), row.capacity(), row.totalIops(),
                row.totalBandwidth(), row.consumedCapacity(), Instant.ofEpochMilli(row.createdAt()));
    }
}
