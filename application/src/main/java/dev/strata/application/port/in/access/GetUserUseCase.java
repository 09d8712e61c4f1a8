package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;

/** Needs LOCAL_USER_READ. */
public interface GetUserUseCase {

    User getUser(Principal caller, UserId id);
}
