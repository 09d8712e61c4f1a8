package dev.strata.application.service;

import dev.strata.application.port.out.Roles;
import dev.strata.domain.access.AuthMethod;
import dev.strata.domain.access.Principal;
import dev.strata.domain.access.RequestOrigin;
import dev.strata.domain.access.RoleName;
import dev.strata.domain.access.User;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the principal of an authenticated local user. */
final class Callers {

    private Callers() {
    }

    static Principal of(User user, Roles roles, AuthMethod method, Optional<String> tokenId, RequestOrigin origin) {
        return new Principal(user.id().value(), user.name().value(), method,
                user.roles().stream().map(RoleName::value).collect(Collectors.toSet()),
                roles.privilegesOf(user.roles()), user.tenant(), tokenId, origin, user.node());
    }
}
