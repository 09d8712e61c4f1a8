package dev.strata.application.port.in.access;

import dev.strata.domain.access.Password;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.UserName;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A new local user; {@code node} binds it to a storage node, as that node's agent's user. */
public record CreateUserCommand(UserName name, Password password, Set<RoleName> roles, Optional<TenantId> tenant,
                                Optional<NodeId> node) {

    public CreateUserCommand {
        Objects.requireNonNull(name);
        Objects.requireNonNull(password);
        roles = Set.copyOf(roles);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(node);
    }

    /** A user bound to no storage node. */
    public CreateUserCommand(UserName name, Password password, Set<RoleName> roles, Optional<TenantId> tenant) {
        this(name, password, roles, tenant, Optional.empty());
    }
}
