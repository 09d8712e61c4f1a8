package dev.strata.application.port.in.access;

import dev.strata.domain.access.Password;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.UserName;
import dev.strata.domain.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

public record CreateUserCommand(UserName name, Password password, Set<RoleName> roles, Optional<TenantId> tenant) {

    public CreateUserCommand {
        Objects.requireNonNull(name);
        Objects.requireNonNull(password);
        roles = Set.copyOf(roles);
    }
}
