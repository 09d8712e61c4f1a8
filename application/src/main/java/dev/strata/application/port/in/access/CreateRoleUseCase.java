package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;
import java.util.Set;

/** Names are unique without regard to case. Needs ROLE_WRITE. */
public interface CreateRoleUseCase {

    Role createRole(Principal caller, RoleName name, String description, Set<Privilege> privileges);
}
