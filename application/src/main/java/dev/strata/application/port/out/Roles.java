package dev.strata.application.port.out;

import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Roles and their privileges. Mutations run inside a write transaction. */
public interface Roles {

    void add(Role role);

    void update(Role role);

    void remove(RoleName name);

    /** Without regard to case. */
    Optional<Role> find(RoleName name);

    /** All roles, by name. */
    List<Role> all();

    /** The union of the privileges of {@code names}; unknown names add nothing. */
    Set<Privilege> privilegesOf(Collection<RoleName> names);
}
