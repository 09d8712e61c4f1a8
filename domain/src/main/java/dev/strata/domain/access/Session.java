package dev.strata.domain.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A login session. Only the SHA-256 of its bearer token is kept.
 *
 * @param holder     whose session it is: a local user, or a directory user (LDAP) who has no row in
 *                   Strata's users, with the roles their groups mapped to at login
 * @param secretHash hex SHA-256 of the whole bearer token
 */
public record Session(String id, Holder holder, Instant createdAt, Instant expiresAt, String secretHash) {

    public static final Duration LIFETIME = Duration.ofHours(10);

    /** Whose session it is. */
    public sealed interface Holder permits LocalUser, DirectoryUser {
    }

    /** A user in Strata's own database. */
    public record LocalUser(UserId id) implements Holder {
    }

    /** A user of the directory, known by name, with the Strata roles their groups gave at login. */
    public record DirectoryUser(String name, Set<RoleName> roles) implements Holder {
        public DirectoryUser {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a directory user has a name");
            }
            roles = Set.copyOf(roles);
        }
    }

    /** A session of a local user. */
    public Session(String id, UserId user, Instant createdAt, Instant expiresAt, String secretHash) {
        this(id, new LocalUser(user), createdAt, expiresAt, secretHash);
    }

    /** The local user holding it, if a local user does. */
    public Optional<UserId> localUser() {
        return holder instanceof LocalUser local ? Optional.of(local.id()) : Optional.empty();
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
