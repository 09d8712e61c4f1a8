package dev.strata.application.mother;

import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.RequestOrigin;
import dev.strata.domain.tenant.TenantId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Test callers. */
public final class Principals {

    public static final RequestOrigin ORIGIN = new RequestOrigin("test-request", "192.0.2.1");

    private Principals() {
    }

    public static Principal admin() {
        return new Principal("500", "admin", AuthMethod.BASIC, Set.of("admin"), EnumSet.allOf(Privilege.class),
                Optional.empty(), Optional.empty(), ORIGIN, Optional.empty());
    }

    public static Principal withPrivileges(Privilege... privileges) {
        Set<Privilege> set = privileges.length == 0 ? Set.of() : EnumSet.of(privileges[0], privileges);
        return new Principal("501", "alice", AuthMethod.BASIC, Set.of(), set, Optional.empty(), Optional.empty(),
                ORIGIN, Optional.empty());
    }

    public static Principal boundTo(TenantId tenant, Privilege... privileges) {
        Principal p = withPrivileges(privileges);
        return new Principal("502", "tenant-user", p.method(), p.roles(), p.privileges(), Optional.of(tenant),
                Optional.empty(), ORIGIN, Optional.empty());
    }

    public static Principal anonymous() {
        return Principal.anonymous(ORIGIN);
    }
}
