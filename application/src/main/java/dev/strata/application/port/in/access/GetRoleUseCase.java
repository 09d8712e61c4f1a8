package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Role;
import dev.strata.domain.access.RoleName;

/** Needs ROLE_READ. */
public interface GetRoleUseCase {

    Role getRole(Principal caller, RoleName name);
}
