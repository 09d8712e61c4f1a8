package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.UserId;

/** Removes a user with their sessions and access tokens; never the last administrator. Needs LOCAL_USER_WRITE. */
public interface DeleteUserUseCase {

    void deleteUser(Principal caller, UserId id);
}
