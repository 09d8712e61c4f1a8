package dev.strata.application.port.in.access;

import dev.strata.domain.DomainException;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import java.util.Optional;

/** Part of an identity, as a request names a user: by {@code auth_id}, by {@code name}, or both. */
public record IdentityRef(Optional<UserId> authId, Optional<UserName> name) {

    public IdentityRef {
        if (authId.isEmpty() && name.isEmpty()) {
            throw DomainException.invalidInput("an identity needs an auth_id or a name");
        }
    }

    public static IdentityRef byId(UserId id) {
        return new IdentityRef(Optional.of(id), Optional.empty());
    }

    public static IdentityRef byName(UserName name) {
        return new IdentityRef(Optional.empty(), Optional.of(name));
    }

    @Override
    public String toString() {
        return authId.map(UserId::value).orElseGet(() -> name.map(UserName::value).orElse(""));
    }
}
