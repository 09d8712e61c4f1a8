package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.User;

/** Resolves part of an identity to the whole user; NotExists if none. Needs LOCAL_USER_READ. */
public interface FindIdentityUseCase {

    User findIdentity(Principal caller, IdentityRef identity);
}
