package dev.strata.adapters.persistence;

import dev.strata.application.port.out.Tenants;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link Tenants} over one table; the migration stores the default tenant. */
final class JdbiTenants implements Tenants {

    private final JdbiTransactions transactions;

    // Every create reads and updates its tenant: by position, with a mapper written out.
    private static final String FIND = "SELECT " + TenantDao.COLUMNS + " FROM tenants WHERE id = ?";
    private static final String UPDATE = "UPDATE tenants SET name = ?, capacity = ?, total_iops = ?,"
            + " total_bandwidth = ?, consumed_capacity = ? WHERE id = ?";
    private static final RowMapper<TenantRow> ROWS = (rs, ctx) -> new TenantRow(
            rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));

    JdbiTenants(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Tenant tenant) {
        transactions.writeHandle().dao(TenantDao.class).insert(toRow(tenant));
    }

    @Override
    public void update(Tenant tenant) {
        TenantRow row = toRow(tenant);
        if (transactions.writeHandle().handle().createUpdate(UPDATE).bind(0, row.name()).bind(1, row.capacity())
                .bind(2, row.totalIops()).bind(3, row.totalBandwidth()).bind(4, row.consumedCapacity())
                .bind(5, row.id()).execute() != 1) {
            throw new IllegalStateException("tenant " + tenant.id() + " does not exist");
        }
    }

    @Override
    public void remove(TenantId id) {
        transactions.writeHandle().dao(TenantDao.class).delete(id.value());
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return transactions.withHandle(h -> h.handle().createQuery(FIND).bind(0, id.value()).map(ROWS).findOne()
                .map(JdbiTenants::toTenant));
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
