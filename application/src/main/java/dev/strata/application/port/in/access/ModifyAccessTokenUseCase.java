package dev.strata.application.port.in.access;

import dev.strata.domain.access.Principal;
import java.time.Instant;
import java.util.Optional;

/**
 * Changes when a token expires ({@code expiresAt} present: empty means never) and whether it is
 * enabled. Your own; anybody's with ACCESS_TOKENS_WRITE.
 */
public interface ModifyAccessTokenUseCase {

    AccessTokenView modifyToken(Principal caller, String id, Optional<Optional<Instant>> expiresAt,
                           Optional<Boolean> enabled);
}
