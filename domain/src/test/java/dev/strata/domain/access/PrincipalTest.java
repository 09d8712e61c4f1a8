package dev.strata.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.DomainException;
import dev.strata.domain.ErrorCode;
import dev.strata.domain.tenant.TenantId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    private static final RequestOrigin ORIGIN = new RequestOrigin("r", "127.0.0.1");

    private static Principal user(Optional<TenantId> tenant, Privilege... privileges) {
        return new Principal("501", "bob", AuthMethod.BASIC, Set.of(), Set.of(privileges), tenant,
                Optional.empty(), ORIGIN, Optional.empty());
    }

    @Test
    void refusesAnonymousCallersAsUnauthorizedAndOthersAsForbidden() {
        assertThatThrownBy(() -> Principal.anonymous(ORIGIN).require(Privilege.PRIVILEGE_BACKEND_READ))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
        assertThatThrownBy(() -> user(Optional.empty()).require(Privilege.PRIVILEGE_BACKEND_READ))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN))
                .hasMessageContaining("PRIVILEGE_BACKEND_READ");
        user(Optional.empty(), Privilege.PRIVILEGE_BACKEND_READ).require(Privilege.PRIVILEGE_BACKEND_READ);
    }

    @Test
    void confinesABoundUserToItsTenant() {
        TenantId own = new TenantId("acme");
        Principal bound = user(Optional.of(own));

        assertThat(bound.tenantScope(Optional.empty())).isEqualTo(own);
        assertThat(bound.tenantScope(Optional.of(own))).isEqualTo(own);
        assertThatThrownBy(() -> bound.tenantScope(Optional.of(new TenantId("other"))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void letsAnUnboundUserNameAnyTenantAndDefaultsToTenantZero() {
        Principal free = user(Optional.empty());

        assertThat(free.tenantScope(Optional.empty())).isEqualTo(TenantId.DEFAULT);
        assertThat(free.tenantScope(Optional.of(new TenantId("acme")))).isEqualTo(new TenantId("acme"));
    }

    @Test
    void namesErrorClassesInSnakeCase() {
        assertThat(ErrorCode.TOO_MANY_ACCESS_TOKENS.errorClass()).isEqualTo("too_many_access_tokens_error");
        assertThat(ErrorCode.NOT_EXISTS.errorClass()).isEqualTo("not_exists_error");
    }
}
