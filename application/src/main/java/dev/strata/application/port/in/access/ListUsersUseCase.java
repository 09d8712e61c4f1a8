package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.User;
import java.util.List;

/** Every local user, by id. Needs LOCAL_USER_READ. */
public interface ListUsersUseCase {

    List<User> listUsers(Principal caller);
}
