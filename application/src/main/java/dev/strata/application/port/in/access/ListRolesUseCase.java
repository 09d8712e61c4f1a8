package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Role;
import java.util.List;

/** Needs ROLE_READ. */
public interface ListRolesUseCase {

    List<Role> listRoles(Principal caller);
}
