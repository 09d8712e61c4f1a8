package dev.strata.application.port.in.access;

import dev.strata.domain.access.Password;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import dev.strata.domain.node.NodeId;
import dev.strata.domain.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Changes what is given; absent parts stay. {@code tenant} present and empty unbinds the user.
 * {@code node} present and empty unbinds the user from its storage node.
 * A new password, or disabling, ends the user's sessions.
 */
public record UpdateUserCommand(
        UserId id,
        Optional<UserName> name,
        Optional<Password> password,
        Optional<Set<RoleName>> roles,
        Optional<Optional<TenantId>> tenant,
        Optional<Boolean> enabled,
        Optional<Optional<NodeId>> node) {

    public UpdateUserCommand {
        Objects.requireNonNull(id);
        roles = roles.map(Set::copyOf);
        Objects.requireNonNull(node);
    }

    /** A change that leaves the user's storage node as it is. */
    public UpdateUserCommand(UserId id, Optional<UserName> name, Optional<Password> password,
                             Optional<Set<RoleName>> roles, Optional<Optional<TenantId>> tenant,
                             Optional<Boolean> enabled) {
        this(id, name, password, roles, tenant, enabled, Optional.empty());
    }
}
