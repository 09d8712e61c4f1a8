package dev.strata.application.port.in.access;

import dev.strata.application.Page;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;

/** Needs ROLE_READ. */
public interface ListRoleMembersUseCase {

    Page<User> members(Principal caller, RoleName role, long afterId, int limit);
}
