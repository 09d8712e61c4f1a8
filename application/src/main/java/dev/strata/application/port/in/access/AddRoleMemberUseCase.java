package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;

/** Gives the user the role (again is fine). Needs ROLE_WRITE. */
public interface AddRoleMemberUseCase {

    User addMember(Principal caller, RoleName role, IdentityRef member);
}
