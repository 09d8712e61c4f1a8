package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.User;

/** Names are unique without regard to case; roles must exist. Needs LOCAL_USER_WRITE. */
public interface CreateUserUseCase {

    User createUser(Principal caller, CreateUserCommand command);
}
