package dev.strata.application.port.out;

import dev.strata.domain.access.Password;
import java.util.Optional;

/**
 * A directory (LDAP) that checks a user's password by binding as them, and tells their groups as
 * Strata roles. It stores nothing.
 */
public interface DirectoryPasswords {

    /**
     * The user, if the directory accepts this password for this name; empty when it does not (wrong
     * password, unknown user, ambiguous name).
     *
     * @throws dev.strata.domain.DomainException with {@code AUTHENTICATION_UNAVAILABLE} when the
     *         directory cannot be asked (down, unreachable, TLS failure, service account refused)
     */
    Optional<ExternalIdentity> check(String username, Password password);
}
