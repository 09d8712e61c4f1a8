package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Role;

/** Built-in roles cannot be emptied; admin keeps every privilege. Needs ROLE_WRITE. */
public interface UpdateRoleUseCase {

    Role updateRole(Principal caller, UpdateRoleCommand command);
}
