package dev.strata.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @Test
    void acceptsTheDocumentedAlphabet() {
        assertThat(new TenantId("Tenant_1.a-b").value()).isEqualTo("Tenant_1.a-b");
        assertThat(new TenantId("t".repeat(64)).value()).hasSize(64);
        assertThat(TenantId.DEFAULT.isDefault()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a b", "é", "x'--", "v1", "V1", "backends", "volumes", "info", ".."})
    void refusesIdsOutsideTheAlphabetOrReservedByTheApi(String id) {
        assertThatThrownBy(() -> new TenantId(id)).isInstanceOf(DomainException.class);
    }

    @Test
    void refusesIdsLongerThan64() {
        assertThatThrownBy(() -> new TenantId("t".repeat(65))).isInstanceOf(DomainException.class);
    }
}
