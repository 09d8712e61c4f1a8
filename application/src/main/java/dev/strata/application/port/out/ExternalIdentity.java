package dev.strata.application.port.out;

import dev.strata.domain.access.RoleName;
import java.util.Set;

/**
 * A caller a directory vouches for: an LDAP user whose password bound, or the subject of a valid
 * JWT. Never stored in Strata's users.
 *
 * @param name  how the directory names them (the login name, or the JWT's {@code sub} or
 *              {@code preferred_username})
 * @param roles the Strata roles their groups or claim values map to; names Strata does not know
 *              may be among them, and grant nothing
 */
public record ExternalIdentity(String name, Set<RoleName> roles) {

    public ExternalIdentity {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an external identity has a name");
        }
        roles = Set.copyOf(roles);
    }
}
