package dev.strata.application.service;

import static dev.strata.application.mother.NodeDeclarations.aNode;
import static dev.strata.application.mother.VolumeRequests.aVolume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.application.contract.Ports;
import dev.strata.application.contract.Services;
import dev.strata.application.fake.InMemoryPublications;
import dev.strata.application.fake.MutableClock;
import dev.strata.application.mother.Principals;
import dev.strata.application.port.in.tenant.TenantDeclaration;
import dev.strata.application.port.in.tenant.UpdateTenantCommand;
import dev.strata.application.port.in.volume.VolumeRef;
import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.node.OvercommitLimit;
import dev.strata.domain.tenant.Tenant;
import dev.strata.domain.tenant.TenantId;
import dev.strata.domain.volume.Volume;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TenantServiceTest {

    private final Ports ports = Ports.inMemory(new InMemoryPublications());
    private final Services services = Services.over(ports, MutableClock.at("2026-05-01T10:00:00Z"), OvercommitLimit.DEFAULT);
    private final Principal admin = Principals.admin();
    private final TenantId acme = new TenantId("acme");

    private TenantDeclaration declaration(long gib) {
        return new TenantDeclaration(Optional.of(acme), "Acme", gib * Bytes.GIB, 1000, 0);
    }

    @Test
    void theDefaultTenantAlwaysExistsWithThePoolsCapacity() {
        services.nodes().register(admin, aNode().withCapacityGiB(100).build());
        services.nodes().register(admin, aNode().withCapacityGiB(50).build());

        Tenant fallback = services.tenants().list(admin).get(0);

        assertThat(fallback.id()).isEqualTo(TenantId.DEFAULT);
        assertThat(fallback.capacity()).isEqualTo(150 * Bytes.GIB);
        assertRefused(() -> services.tenants().delete(admin, TenantId.DEFAULT), ErrorCode.INVALID_INPUT);
        assertRefused(() -> services.tenants().update(admin, new UpdateTenantCommand(TenantId.DEFAULT,
                Optional.empty(), Optional.of(1L), Optional.empty(), Optional.empty())), ErrorCode.INVALID_INPUT);
    }

    @Test
    void createsIdempotentlyAndRefusesADifferentSpecForTheSameId() {
        assertThat(services.tenants().create(admin, declaration(100)).isNew()).isTrue();
        assertThat(services.tenants().create(admin, declaration(100)).isNew()).isFalse();
        assertRefused(() -> services.tenants().create(admin, declaration(200)), ErrorCode.ALREADY_EXISTS);
        Tenant generated = services.tenants().create(admin, new TenantDeclaration(Optional.empty(), "", 0, 0, 0))
                .value();
        assertThat(generated.id().value()).hasSize(36);
        assertThat(services.tenants().list(admin)).hasSize(3);
    }

    @Test
    void changesNameBudgetAndLimitsButNeverBelowWhatIsConsumed() {
        services.nodes().register(admin, aNode().withCapacityGiB(1000).build());
        services.tenants().create(admin, declaration(100));
        services.volumes().create(admin, aVolume().thick(40).inTenant("acme").build());

        Tenant changed = services.tenants().update(admin, new UpdateTenantCommand(acme, Optional.of("ACME"),
                Optional.of(50 * Bytes.GIB), Optional.empty(), Optional.of(7L)));

        assertThat(changed.name()).isEqualTo("ACME");
        assertThat(changed.capacity()).isEqualTo(50 * Bytes.GIB);
        assertThat(changed.totalIops()).isEqualTo(1000);
        assertThat(changed.totalBandwidth()).isEqualTo(7);
        assertRefused(() -> services.tenants().update(admin, new UpdateTenantCommand(acme, Optional.empty(),
                Optional.of(39 * Bytes.GIB), Optional.empty(), Optional.empty())), ErrorCode.INVALID_INPUT);
        assertThat(services.tenants().get(admin, acme).consumed()).isEqualTo(40 * Bytes.GIB);
    }

    @Test
    void refusesToDeleteATenantWithVolumes() {
        services.nodes().register(admin, aNode().withCapacityGiB(1000).build());
        services.tenants().create(admin, declaration(100));
        Volume volume = services.volumes().create(admin, aVolume().thick(1).inTenant("acme").build()).value();

        assertRefused(() -> services.tenants().delete(admin, acme), ErrorCode.HAS_VOLUMES);
        services.volumes().delete(admin, new VolumeRef(Optional.of(acme), volume.id()));
        services.tenants().delete(admin, acme);
        assertRefused(() -> services.tenants().get(admin, acme), ErrorCode.NOT_EXISTS);
    }

    @Test
    void showsABoundUserOnlyItsOwnTenant() {
        services.tenants().create(admin, declaration(100));
        services.tenants().create(admin, new TenantDeclaration(Optional.of(new TenantId("beta")), "", 0, 0, 0));
        Principal bound = Principals.boundTo(acme, Privilege.PRIVILEGE_TENANT_READ, Privilege.PRIVILEGE_TENANT_WRITE);

        assertThat(services.tenants().list(bound)).extracting(Tenant::id).containsExactly(acme);
        assertRefused(() -> services.tenants().get(bound, new TenantId("beta")), ErrorCode.FORBIDDEN);
        assertRefused(() -> services.tenants().create(bound, new TenantDeclaration(Optional.empty(), "", 0, 0, 0)),
                ErrorCode.FORBIDDEN);
        assertRefused(() -> services.tenants().list(Principals.withPrivileges(Privilege.PRIVILEGE_VOLUME_READ)),
                ErrorCode.FORBIDDEN);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
