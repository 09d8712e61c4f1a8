package dev.strata.application.fake;

import dev.strata.application.port.out.Tenants;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tenants in a map, starting with the default tenant as the database does. Stores and hands out copies. */
public final class InMemoryTenants implements Tenants, InMemoryTransactions.Participant {

    private final Map<TenantId, Tenant> byId = new LinkedHashMap<>();

    public InMemoryTenants() {
        byId.put(TenantId.DEFAULT, Tenant.restore(TenantId.DEFAULT, "default", 0, 0, 0, 0, Instant.EPOCH));
    }

    @Override
    public synchronized void add(Tenant tenant) {
        if (byId.putIfAbsent(tenant.id(), tenant.copy()) != null) {
            throw new IllegalStateException("tenant " + tenant.id() + " exists");
        }
    }

    @Override
    public synchronized void update(Tenant tenant) {
        if (byId.replace(tenant.id(), tenant.copy()) == null) {
            throw new IllegalStateException("tenant " + tenant.id() + " does not exist");
        }
    }

    @Override
    public synchronized void remove(TenantId id) {
        byId.remove(id);
    }

    @Override
    public synchronized Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(byId.get(id)).map(Tenant::copy);
    }

    @Override
    public synchronized List<Tenant> all() {
        return byId.values().stream().sorted(Comparator.comparing(t -> t.id().value())).map(Tenant::copy).toList();
    }

    @Override
    public synchronized Object snapshot() {
        Map<TenantId, Tenant> saved = new LinkedHashMap<>();
        byId.forEach((id, tenant) -> saved.put(id, tenant.copy()));
        return saved;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byId.clear();
        byId.putAll((Map<TenantId, Tenant>) snapshot);
    }
}
