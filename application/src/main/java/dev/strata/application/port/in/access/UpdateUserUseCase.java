package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.User;

/** Needs LOCAL_USER_WRITE. */
public interface UpdateUserUseCase {

    User updateUser(Principal caller, UpdateUserCommand command);
}
