package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import dev.strata.domain.access.User;
import java.util.Optional;

/** The caller as they are known: their principal, and their local user if they have one. */
public record WhoAmI(Principal principal, Optional<User> user) {
}
