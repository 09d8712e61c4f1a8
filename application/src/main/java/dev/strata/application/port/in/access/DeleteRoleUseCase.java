package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RoleName;
import java.util.Optional;

/** Built-in roles cannot be deleted; members lose the role. Needs ROLE_WRITE. */
public interface DeleteRoleUseCase {

    void deleteRole(Principal caller, RoleName name, Optional<Long> expectedVersion);
}
