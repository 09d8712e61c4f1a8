package dev.strata.application.service;

import dev.strata.application.port.in.Created;
import dev.strata.application.port.in.tenant.CreateTenantUseCase;
import dev.strata.application.port.in.tenant.DeleteTenantUseCase;
import dev.strata.application.port.in.tenant.GetTenantUseCase;
import dev.strata.application.port.in.tenant.ListTenantsUseCase;
import dev.strata.application.port.in.tenant.TenantDeclaration;
import dev.strata.application.port.in.tenant.UpdateTenantCommand;
import dev.strata.application.port.in.tenant.UpdateTenantUseCase;
import dev.strata.application.port.out.Nodes;
import dev.strata.application.port.out.Snapshots;
import dev.strata.application.port.out.Tenants;
import dev.strata.application.port.out.Transactions;
import dev.strata.application.port.out.Volumes;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.node.StorageNode;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Tenants and their budgets. The default tenant "0" always exists; its capacity is the sum of the
 * nodes' and it cannot be changed or deleted. A caller bound to a tenant sees and touches only it.
 */
public final class TenantService implements CreateTenantUseCase, ListTenantsUseCase, GetTenantUseCase,
        UpdateTenantUseCase, DeleteTenantUseCase {

    private final Tenants tenants;
    private final Nodes nodes;
    private final Volumes volumes;
    private final Snapshots snapshots;
    private final Transactions transactions;
    private final Mutations mutations;
    private final InstantSource clock;

    public TenantService(Tenants tenants, Nodes nodes, Volumes volumes, Snapshots snapshots, Transactions transactions,
                         Mutations mutations, InstantSource clock) {
        this.tenants = tenants;
        this.nodes = nodes;
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.transactions = transactions;
        this.mutations = mutations;
        this.clock = clock;
    }

    @Override
    public Created<Tenant> create(Principal caller, TenantDeclaration declaration) {
        TenantId id = declaration.id().orElseGet(TenantId::generate);
        return mutations.perform(caller, Privilege.PRIVILEGE_TENANT_WRITE, "tenant.create", id.value(), () -> {
            if (caller.tenant().isPresent()) {
                throw DomainException.forbidden("a user bound to a tenant may not create tenants");
            }
            Optional<Tenant> existing = tenants.find(id);
            if (existing.isPresent()) {
                if (existing.get().answers(declaration.name(), declaration.capacity(), declaration.totalIops(),
                        declaration.totalBandwidth())) {
                    return new Created<>(existing.get(), false);
                }
                throw DomainException.alreadyExists("tenant " + id + " exists with a different spec");
            }
            Tenant tenant = Tenant.create(id, declaration.name(), declaration.capacity(), declaration.totalIops(),
                    declaration.totalBandwidth(), clock.instant());
            tenants.add(tenant);
            return new Created<>(tenant, true);
        });
    }

    @Override
    public List<Tenant> list(Principal caller) {
        caller.require(Privilege.PRIVILEGE_TENANT_READ);
        return transactions.read(() -> tenants.all().stream()
                .filter(t -> caller.tenant().map(own -> own.equals(t.id())).orElse(true))
                .map(this::reported)
                .toList());
    }

    @Override
    public Tenant get(Principal caller, TenantId id) {
        caller.require(Privilege.PRIVILEGE_TENANT_READ);
        return transactions.read(() -> reported(existing(caller, id)));
    }

    @Override
    public Tenant update(Principal caller, UpdateTenantCommand command) {
        return mutations.perform(caller, Privilege.PRIVILEGE_TENANT_WRITE, "tenant.update", command.id().value(),
                () -> {
                    Tenant tenant = existing(caller, command.id());
                    command.name().ifPresent(tenant::rename);
                    command.capacity().ifPresent(tenant::changeCapacity);
                    if (command.totalIops().isPresent() || command.totalBandwidth().isPresent()) {
                        tenant.changeLimits(command.totalIops().orElse(tenant.totalIops()),
                                command.totalBandwidth().orElse(tenant.totalBandwidth()));
                    }
                    tenants.update(tenant);
                    return reported(tenant);
                });
    }

    @Override
    public void delete(Principal caller, TenantId id) {
        mutations.perform(caller, Privilege.PRIVILEGE_TENANT_WRITE, "tenant.delete", id.value(), () -> {
            Tenant tenant = existing(caller, id);
            if (tenant.isDefault()) {
                throw DomainException.invalidInput("tenant 0 is the default tenant and cannot be deleted");
            }
            if (volumes.anyInTenant(id) || snapshots.anyInTenant(id)) {
                throw new DomainException(ErrorCode.HAS_VOLUMES, "tenant " + id
                        + " still has volumes or snapshots; delete them first");
            }
            tenants.remove(id);
        });
    }

    private Tenant existing(Principal caller, TenantId id) {
        TenantId scoped = caller.tenantScope(Optional.of(id));
        return tenants.find(scoped).orElseThrow(() -> DomainException.notExists("tenant " + id + " does not exist"));
    }

    /** The default tenant's capacity is the pool's. */
    private Tenant reported(Tenant tenant) {
        if (!tenant.isDefault()) {
            return tenant;
        }
        long pool = 0;
        for (StorageNode node : nodes.all()) {
            pool = Bytes.saturatedAdd(pool, node.totalCapacity());
        }
        return tenant.reportedOver(pool);
    }
}
