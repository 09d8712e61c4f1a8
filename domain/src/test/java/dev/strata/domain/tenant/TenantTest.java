package dev.strata.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.Bytes;
import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TenantTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void refusesToChargeBeyondItsBudgetAndTakesNothingThen() {
        Tenant acme = Tenant.create(new TenantId("acme"), "", 10 * Bytes.GIB, 0, 0, NOW);
        acme.charge(8 * Bytes.GIB);

        assertThatThrownBy(() -> acme.charge(3 * Bytes.GIB))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TENANT_BUDGET_EXCEEDED))
                .hasMessageContaining("would consume 11 GiB of its 10 GiB budget");
        assertThat(acme.consumed()).isEqualTo(8 * Bytes.GIB);
        acme.charge(2 * Bytes.GIB);
        acme.refund(10 * Bytes.GIB);
        assertThat(acme.consumed()).isZero();
        assertThat(acme.name()).as("an empty name becomes the id").isEqualTo("acme");
    }

    @Test
    void anotherTenantIsReportedWithItsOwnBudgetWhateverThePool() {
        Tenant acme = Tenant.create(new TenantId("acme"), "acme", 7, 0, 0, NOW);

        assertThat(acme.reportedOver(100).capacity()).isEqualTo(7);
    }

    @Test
    void theDefaultTenantHasNoBudgetOfItsOwnAndCannotBeChanged() {
        Tenant fallback = Tenant.restore(TenantId.DEFAULT, "default", 0, 0, 0, 0, NOW);
        fallback.charge(Bytes.MAX_CAPACITY);

        assertThat(fallback.reportedOver(100).capacity()).isEqualTo(100);
        assertThatThrownBy(() -> fallback.changeCapacity(5)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Tenant.create(TenantId.DEFAULT, "", 1, 0, 0, NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
    }

    @Test
    void neverShrinksItsBudgetBelowWhatItConsumes() {
        Tenant acme = Tenant.create(new TenantId("acme"), "Acme", 10 * Bytes.GIB, 0, 0, NOW);
        acme.charge(6 * Bytes.GIB);

        assertThatThrownBy(() -> acme.changeCapacity(5 * Bytes.GIB)).hasMessageContaining("already consumes");
        acme.changeCapacity(6 * Bytes.GIB);
        assertThat(acme.capacity()).isEqualTo(6 * Bytes.GIB);
        assertThatThrownBy(() -> Tenant.create(new TenantId("x"), "", -1, 0, 0, NOW)).hasMessageContaining("negative");
    }
}
