package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.UserId;

/** Takes the role from the user; never the last administrator's admin role. Needs ROLE_WRITE. */
public interface RemoveRoleMemberUseCase {

    void removeMember(Principal caller, RoleName role, UserId member);
}
