package dev.strata.application.port.in.access;

import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.RoleName;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Changes a role's description and privileges; absent parts stay. With {@code expectedVersion}
 * (from If-Match) the change applies only to that version of the role.
 */
public record UpdateRoleCommand(
        RoleName name,
        Optional<String> description,
        Optional<Set<Privilege>> privileges,
        Optional<Long> expectedVersion) {

    public UpdateRoleCommand {
        Objects.requireNonNull(name);
        privileges = privileges.map(Set::copyOf);
    }
}
