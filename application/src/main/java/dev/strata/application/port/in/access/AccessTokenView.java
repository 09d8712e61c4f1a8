package dev.strata.application.port.in.access;

import dev.strata.domain.access.AccessToken;
import dev.strata.domain.access.User;
import java.util.Optional;

/** An access token's metadata with its user and its creator (who may since have been deleted). */
public record AccessTokenView(AccessToken token, User user, Optional<User> creator) {
}
