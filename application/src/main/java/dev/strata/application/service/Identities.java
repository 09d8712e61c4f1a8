package dev.strata.application.service;

import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.application.port.out.Users;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.User;
import java.util.Optional;

/** Resolves part of an identity to a user. */
final class Identities {

    private Identities() {
    }

    /** The user the identity names; NotExists if none, or if its id and name name different users. */
    static User resolve(Users users, IdentityRef identity) {
        Optional<User> byId = identity.authId().flatMap(users::find);
        Optional<User> byName = identity.name().flatMap(users::findByName);
        if (identity.authId().isPresent() && identity.name().isPresent()) {
            if (byId.isPresent() && byName.isPresent() && byId.get().id().equals(byName.get().id())) {
                return byId.get();
            }
            throw DomainException.notExists("no user matches " + identity);
        }
        return byId.or(() -> byName).orElseThrow(() -> DomainException.notExists("no user matches " + identity));
    }
}
