package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;

/** Any authenticated caller may ask who they are. */
public interface WhoAmIUseCase {

    WhoAmI whoAmI(Principal caller);
}
