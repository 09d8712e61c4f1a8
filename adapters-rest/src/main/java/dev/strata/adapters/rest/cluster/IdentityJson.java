package dev.strata.adapters.rest.cluster;

import dev.strata.adapters.rest.http.Bodies;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.application.port.in.access.IdentityRef;
import dev.strata.domain.DomainException;
import dev.strata.domain.access.User;
import dev.strata.domain.access.UserId;
import dev.strata.domain.access.UserName;
import java.util.Optional;

/**
 * An identity in Qumulo's shape. Requests may give any part of one; {@code auth_id} and
 * {@code name} are the parts that identify a local user.
 */
public record IdentityJson(
        String domain,
        @JsonProperty("auth_id") String authId,
        String uid,
        String gid,
        String sid,
        String name) {

    public static final String LOCAL = "LOCAL";

    static IdentityJson from(User user) {
        return new IdentityJson(LOCAL, user.id().value(), null, null, "", user.name().value());
    }

    IdentityRef toRef(String field) {
        if (domain != null && !domain.isBlank() && !LOCAL.equalsIgnoreCase(domain)) {
            throw DomainException.invalidInput(field + ".domain must be LOCAL");
        }
        Optional<UserId> id = Bodies.optional(authId, IdentityJson::userId);
        Optional<UserName> userName = Bodies.optional(name, UserName::new);
        if (id.isEmpty() && userName.isEmpty()) {
            throw DomainException.invalidInput(field + " needs an auth_id or a name");
        }
        return new IdentityRef(id, userName);
    }

    /** An auth_id that is not a number names nobody. */
    static UserId userId(String text) {
        if (text.isBlank()) {
            throw DomainException.invalidInput("auth_id must not be blank");
        }
        try {
            return new UserId(text.strip());
        } catch (DomainException notANumber) {
            throw DomainException.notExists("no user has auth_id " + text.substring(0, Math.min(text.length(), 32)));
        }
    }
}
