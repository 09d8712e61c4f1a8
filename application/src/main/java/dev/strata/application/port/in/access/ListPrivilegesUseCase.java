package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.Privilege;
import java.util.List;

/** Needs ROLE_READ. */
public interface ListPrivilegesUseCase {

    List<Privilege> listPrivileges(Principal caller);
}
