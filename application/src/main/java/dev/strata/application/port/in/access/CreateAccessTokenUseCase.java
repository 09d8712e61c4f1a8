package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes an access token for a user, at most two per user. Your own need no privilege; another
 * user's need ACCESS_TOKENS_WRITE.
 */
public interface CreateAccessTokenUseCase {

    IssuedAccessToken createToken(Principal caller, IdentityRef user, Optional<Instant> expiresAt);
}
