package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;

/** Ends the session the caller presented; a caller without one has nothing to end. */
public interface LogoutUseCase {

    void logout(Principal caller);
}
